/** What one CLI call prints and exits with. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}
