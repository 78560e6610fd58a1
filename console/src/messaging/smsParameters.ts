/**
 * An SMS template's parameters as the editor holds them: one per line, `name = Handlebars template`. Lines without a
 * name are kept as typed so the server can name what is wrong with them.
 */
export function parseParameters(text: string): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) {
      continue;
    }
    const equals = line.indexOf('=');
    const name = (equals < 0 ? line : line.slice(0, equals)).trim();
    parameters[name] = equals < 0 ? '' : line.slice(equals + 1).trim();
  }
  return parameters;
}

export function formatParameters(parameters: Record<string, string> | undefined): string {
  return Object.entries(parameters ?? {})
    .map(([name, source]) => `${name} = ${source}`)
    .join('\n');
}

/** The `${name}` parameters the provider's wording names, in order, each once. */
export function wordingParameters(wording: string): string[] {
  return [...new Set([...wording.matchAll(/\$\{([A-Za-z][A-Za-z0-9_]{0,29})\}/g)].map((match) => match[1]))];
}
