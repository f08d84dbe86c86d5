/** The bundle-size benchmark's reference page: nothing but React Flow (built by bench/bundle-size.bench.ts). */
import { createRoot } from 'react-dom/client';
import { BareFlow } from '../../src/ui/bench/BareFlow';

createRoot(document.getElementById('root')!).render(<BareFlow count={1100} />);
