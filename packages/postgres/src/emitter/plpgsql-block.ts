/** `text` in dollar quotes whose tag does not occur in it (it holds names, which are user data). */
export function dollarQuote(text: string): string {
  let tag = "$mig$";
  for (let n = 1; text.includes(tag); n++) tag = `$mig${n}$`;
  return `${tag} ${text} ${tag}`;
}

/** A PL/pgSQL block, `BEGIN body END`, for `DO`, dollar-quoted. */
export function plpgsqlBlock(body: string): string {
  return dollarQuote(`BEGIN ${body} END`);
}
