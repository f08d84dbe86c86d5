/**
 * Chain names follow kubernetes pkg/proxy/iptables/proxier.go: portProtoHash() =
 * base32(sha256(servicePortName + protocol))[:16], servicePortEndpointChainName() adds the endpoint.
 * The expected values are chain names seen in real clusters' iptables-save output (kubeadm's
 * kube-dns and kubernetes Services, and a published dump of default/nginx-service).
 */
import { describe, expect, it } from 'vitest';
import { endpointChain, portProtoHash, serviceChains, servicePortName } from './kubeproxy-names';

describe('kube-proxy chain names', () => {
  it('match the chains of a real cluster', () => {
    expect(serviceChains('kube-system/kube-dns:dns', 'udp').svc).toBe('KUBE-SVC-TCOU7JCQXEZGVUNU');
    expect(serviceChains('kube-system/kube-dns:dns-tcp', 'tcp').svc).toBe('KUBE-SVC-ERIFXISQEP7F7OF4');
    expect(serviceChains('kube-system/kube-dns:metrics', 'tcp').svc).toBe('KUBE-SVC-JD5MR3NA4I4DYORP');
    expect(serviceChains('default/kubernetes:https', 'tcp').svc).toBe('KUBE-SVC-NPX46M4PTMTKRN6Y');
    expect(serviceChains('default/nginx-service', 'tcp').svc).toBe('KUBE-SVC-V2OKYYMBY3REGZOG');
    expect(endpointChain('default/nginx-service', 'tcp', '10.42.0.8:80')).toBe('KUBE-SEP-LNMZPQ2U2A5TEEGP');
  });

  it('share one hash across the SVC, SVL, EXT and FW chains of a port', () => {
    const c = serviceChains('shop/web:http', 'tcp');
    const h = portProtoHash('shop/web:httptcp');
    expect(h).toMatch(/^[A-Z2-7]{16}$/);
    expect(c).toEqual({ svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` });
    // iptables chain names must stay under 29 characters.
    expect(c.svc.length).toBeLessThanOrEqual(28);
  });

  it('name a service port namespace/name, plus :port only when the port is named', () => {
    expect(servicePortName({ namespace: 'shop', name: 'web' }, { name: 'http' })).toBe('shop/web:http');
    expect(servicePortName({ namespace: 'shop', name: 'web' }, {})).toBe('shop/web');
  });
});
