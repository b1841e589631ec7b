/**
 * The architect's protocol as an MCP prompt: the steps an agent follows and the tool it calls at
 * each, so its answer rests on archie's numbers rather than its own guesses.
 */
export const ARCHITECT_PROTOCOL = {
  name: 'architect-protocol',
  title: 'Architect\'s protocol',
  description: 'Walk through understand → analyse → design → document → review against requirements → plan, calling archie\'s tools at each step.',
  arguments: [
    { name: 'brief', description: 'What to build (or a path to a brief file)', required: true },
    { name: 'existing', description: 'The existing system, if any: a path to its OpenAPI document, or a sentence about it', required: false },
  ],
};

export function architectProtocol(args: { brief?: string; existing?: string }): string {
  const brief = args.brief?.trim() || '(ask the user for the brief first)';
  const existing = args.existing?.trim();
  return [
    'You are acting as the backend architect for this brief. Use archie\'s tools for every number and decision; do not estimate them yourself, and cite the tool output or the archie://knowledge resource each figure comes from.',
    '',
    `Brief: ${brief}`,
    ...(existing ? [`Existing system: ${existing}`] : []),
    '',
    '1. Understand. Restate the functional and non-functional requirements. Call `capacity` with the brief: read its `assumptions` and `openQuestions`, and ask the user the questions that change the design (scale, availability, budget, regulations) before going on.',
    '2. Analyse. From the `capacity` result, state peak requests/s, writes/s, storage after a year, and the availability math. Read `archie://knowledge/limits` to say which per-node limits those numbers approach.',
    '3. Design. Call `design` with the brief and an `out` folder. Present the style, stores and the decisions with the options each weighed (`decisions`), and the failure modes. Quote trade-offs from `archie://knowledge/technologies`.',
    '4. Document. The `out` folder holds ARCHITECTURE.md, design.json and the artifacts; point the user to them rather than rewriting them.',
    '5. Review against the requirements. Call `verify` on the `out` folder (schema in real PostgreSQL, indexes for every access pattern, OpenAPI and manifests valid) and `review` on it; check every requirement from step 1 is met by a decision, a capacity figure or an SLO, and list the gaps. Call `scale` on the folder with factor 10 to show what breaks first and the headroom.',
    existing
      ? '6. Plan. Call `migrate` with the existing system\'s OpenAPI document (or the brief) for the strangler-fig phases, then give the roadmap from the design and the `scale` horizons. Escalate what needs a human decision (the design\'s escalations).'
      : '6. Plan. Give the implementation roadmap from the design, the `scale` horizons for growth, and the escalations that need a human decision. If the user runs a monolith today, call `migrate` with its OpenAPI document.',
    '',
    'For a live database problem ("the database is at 100% CPU"), call `diagnose` with the connection URL the user gives you; never look for credentials elsewhere.',
  ].join('\n');
}
