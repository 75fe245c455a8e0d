// What every `kefu` command does first with its arguments: answer --help, take --root, refuse unknown options.
import { takeRoot } from './read-library.ts';

/** The parsed arguments, or the exit code when the command is already answered (help, or a bad option). */
export function commonArgs(
  command: string,
  help: string,
  args: readonly string[],
  allowed: readonly string[] = [],
): { root: string; rest: string[] } | number {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(help);
    return 0;
  }
  const { root, rest } = takeRoot(args);
  const unknown = rest.find((a) => a.startsWith('-') && !allowed.includes(a));
  if (unknown) {
    console.error(`kefu ${command}：未知的选项 ${unknown}\n\n${help}`);
    return 2;
  }
  return { root, rest };
}
