/**
 * The Markdown that archie's own renderer writes (ARCHITECTURE.md), as HTML: ATX headings,
 * paragraphs, pipe tables, bullet, numbered and task lists, block quotes, fenced code, and inline
 * code, bold, italic and links. It is not a general Markdown parser; it covers exactly the
 * constructs `renderMarkdown` emits, so report.html shows the same specification word for word.
 */

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Inline Markdown → HTML: code spans first (their content is literal), then bold, italic, links. */
export function inline(s: string): string {
  const parts = s.split(/(`[^`]*`)/g);
  return parts
    .map((p) => {
      if (p.length >= 2 && p.startsWith('`') && p.endsWith('`')) return `<code>${esc(p.slice(1, -1).replace(/\\\|/g, '|'))}</code>`;
      let h = esc(p.replace(/\\\|/g, '|'));
      h = h.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
      h = h.replace(/(^|[\s(])\*([^*\s][^*]*)\*(?=[\s).,;:!?]|$)/g, '$1<em>$2</em>');
      h = h.replace(/(^|[\s(])_([^_\s][^_]*)_(?=[\s).,;:!?]|$)/g, '$1<em>$2</em>');
      h = h.replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+|#[A-Za-z0-9-]+)\)/g, '<a href="$2">$1</a>');
      return h;
    })
    .join('');
}

export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/<[^>]+>/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'section'
  );
}

function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim());
}

export interface Heading {
  level: number;
  text: string;
  id: string;
}

/**
 * Convert Markdown to HTML. `hooks.block(line)` may replace a whole line, `hooks.fence(lang, body)`
 * a whole fenced block (diagram sources become figures); `hooks.beforeHeading(h)` may emit HTML
 * just before a heading.
 */
export function markdownToHtml(
  md: string,
  hooks: { block?: (line: string) => string | null; beforeHeading?: (h: Heading) => string; fence?: (lang: string, body: string) => string | null } = {},
): { html: string; headings: Heading[] } {
  const lines = md.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  const headings: Heading[] = [];
  const ids = new Set<string>();
  let i = 0;
  const isTable = (l: string | undefined) => l !== undefined && /^\s*\|.*\|\s*$/.test(l);
  const isList = (l: string | undefined) => l !== undefined && /^(\s*)([-*]|\d+\.)\s+/.test(l);
  const special = (l: string | undefined) => l === undefined || l.trim() === '' || /^#{1,6}\s/.test(l) || l.startsWith('```') || isTable(l) || isList(l) || l.startsWith('>');
  while (i < lines.length) {
    const line = lines[i]!;
    const replaced = hooks.block?.(line);
    if (replaced !== undefined && replaced !== null) {
      out.push(replaced);
      i++;
      continue;
    }
    if (line.trim() === '') {
      i++;
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      const level = h[1]!.length;
      const text = h[2]!.trim();
      let id = slug(text);
      for (let k = 2; ids.has(id); k++) id = `${slug(text)}-${k}`;
      ids.add(id);
      const heading = { level, text, id };
      headings.push(heading);
      if (hooks.beforeHeading) out.push(hooks.beforeHeading(heading));
      out.push(`<h${level} id="${id}">${inline(text)}</h${level}>`);
      i++;
      continue;
    }
    if (line.startsWith('```')) {
      const lang = line.slice(3).trim();
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.startsWith('```')) body.push(lines[i++]!);
      i++;
      const replaced = hooks.fence?.(lang, body.join('\n'));
      out.push(replaced ?? `<pre${lang ? ` data-lang="${esc(lang)}"` : ''}><code>${esc(body.join('\n'))}</code></pre>`);
      continue;
    }
    if (isTable(line) && /^\s*\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(lines[i + 1] ?? '')) {
      const head = cells(line);
      i += 2;
      const rows: string[][] = [];
      while (isTable(lines[i])) rows.push(cells(lines[i++]!));
      out.push(
        '<div class="table"><table>',
        `<thead><tr>${head.map((c) => `<th scope="col">${inline(c)}</th>`).join('')}</tr></thead>`,
        `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('\n')}</tbody>`,
        '</table></div>',
      );
      continue;
    }
    if (isList(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      while (isList(lines[i]) && /^\s*\d+\./.test(lines[i]!) === ordered) {
        let text = lines[i]!.replace(/^\s*([-*]|\d+\.)\s+/, '');
        i++;
        // Continuation lines (indented, not a new item) belong to the item.
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]!) && !isList(lines[i])) text += ` ${lines[i++]!.trim()}`;
        const task = /^\[( |x)\]\s+/.exec(text);
        if (task) items.push(`<li class="task"><span class="box" aria-hidden="true">${task[1] === 'x' ? '☑' : '☐'}</span> ${inline(text.slice(task[0].length))}</li>`);
        else items.push(`<li>${inline(text)}</li>`);
      }
      out.push(`<${ordered ? 'ol' : 'ul'}>${items.join('\n')}</${ordered ? 'ol' : 'ul'}>`);
      continue;
    }
    if (line.startsWith('>')) {
      const body: string[] = [];
      while (i < lines.length && lines[i]!.startsWith('>')) body.push(lines[i++]!.replace(/^>\s?/, ''));
      out.push(`<blockquote>${body.map((b) => `<p>${inline(b)}</p>`).join('')}</blockquote>`);
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && !special(lines[i])) {
      const r = hooks.block?.(lines[i]!);
      if (r !== undefined && r !== null) break;
      para.push(lines[i++]!);
    }
    if (para.length === 0) {
      // A line no rule consumed (cannot happen with special() above, but never loop forever).
      out.push(`<p>${inline(lines[i++]!)}</p>`);
      continue;
    }
    out.push(`<p>${para.map(inline).join('<br>\n')}</p>`);
  }
  return { html: out.join('\n'), headings };
}
