/**
 * An error the CLI reports as JSON on stderr: `{error: {message, where?}}`. `where` says
 * what the message is about (a file and line, a rule text position, an option).
 * Exit code 2 = the command line itself is wrong (usage); 1 = the input or data is.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly where?: Record<string, unknown>,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string, where?: Record<string, unknown>) => new CliError(message, where, 2);
