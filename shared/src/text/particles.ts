// Modal particles (呢 吗 哦 …) carry tone, not content: similarity ignores them so "有货的哦" repeats "有货的呢".
import { normalise } from './normalise.ts';

interface CompiledParticles {
  single: Set<string>;
  /** Longer particles, longest first, so 的话 is removed before 的. */
  multi: string[];
}

// Lexicons live for the whole process: compile each particle list once.
const compiled = new WeakMap<readonly string[], CompiledParticles>();

function compile(particles: readonly string[]): CompiledParticles {
  let result = compiled.get(particles);
  if (result) return result;
  const forms = [...new Set(particles.map(normalise).filter((p) => p.length > 0))];
  result = {
    single: new Set(forms.filter((p) => p.length === 1)),
    multi: forms.filter((p) => p.length > 1).sort((a, b) => b.length - a.length),
  };
  compiled.set(particles, result);
  return result;
}

/** Removes every particle from an already normalised text. */
export function stripParticles(normalised: string, particles: readonly string[]): string {
  if (particles.length === 0 || normalised.length === 0) return normalised;
  const { single, multi } = compile(particles);
  let out = '';
  for (let i = 0; i < normalised.length; ) {
    const long = multi.find((p) => normalised.startsWith(p, i));
    if (long !== undefined) {
      i += long.length;
      continue;
    }
    const ch = normalised[i]!;
    if (!single.has(ch)) out += ch;
    i++;
  }
  return out;
}
