/**
 * The README's example queries, for the GraphQL IDE's "Examples" panel: every ```graphql block,
 * titled by the sentence before it (up to its first colon or parenthesis), grouped under its
 * section, with the variables the README gives after it ("Variables: `{...}`").
 * @param {string} markdown
 * @returns {Array<{ section: string, title: string, description: string, query: string, variables: string }>}
 */
function readmeExamples(markdown) {
  const lines = markdown.split('\n');
  const examples = [];
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^## /.test(line)) section = line.slice(3).trim();
    if (line.trim() !== '```graphql') continue;
    const end = lines.indexOf('```', i + 1);
    const query = lines.slice(i + 1, end).join('\n');
    const description = paragraphBefore(lines, i);
    const after = lines.slice(end + 1, end + 4).find((next) => next.startsWith('Variables: `'));
    examples.push({
      section,
      title: titleOf(description),
      description,
      query,
      variables: after ? after.slice(12, after.lastIndexOf('`')) : '',
    });
    i = end;
  }
  return examples;
}

function paragraphBefore(lines, index) {
  let start = index - 1;
  while (start >= 0 && lines[start].trim() === '') start--;
  const paragraph = [];
  for (let i = start; i >= 0 && lines[i].trim() !== '' && !lines[i].startsWith('#'); i--) paragraph.unshift(lines[i].trim());
  return paragraph.join(' ').replace(/`/g, '');
}

function titleOf(description) {
  const cut = description.search(/ \(|:/);
  return (cut > 0 ? description.slice(0, cut) : description).replace(/[.:]$/, '');
}

module.exports = { readmeExamples };
