/** Usage text of every command: the one place `--help` and usage errors read. */
export const COMMANDS = {
  import: {
    usage: 'meridian import <file.csv|file.csv.gz> --out <dir> [--preset uci|generic] [--into] [--gzip]',
    help: `meridian import <file.csv|file.csv.gz> --out <dir> [--preset uci|generic] [--into] [--gzip]

Parse and validate an order-line CSV (plain or gzip) with the app's importer and write the
workspace directory <dir> (<dir>/workspace.meridian.ndjson, the browser's export format).
Rows with errors are skipped with their whole order and reported.

  --out <dir>       the workspace directory to create (or, with --into, to add to)
  --preset <p>      uci (UCI Online Retail: C-invoices are refunds, GBP) or generic;
                    default: detected from the header
  --into            import into the workspace already in <dir> (same order id = duplicate, skipped;
                    a known customer id is the same member)
  --gzip            write workspace.meridian.ndjson.gz

Prints {orders, sales, refunds, members, membersNew, guestOrders, lines, products, rows,
skippedRows, skippedOrders, duplicates, errors, issues, workspace, file}.
`,
  },
  count: {
    usage: 'meridian count <dir> "<rule>" [--as-of YYYY-MM-DD]',
    help: `meridian count <dir> "<rule>" [--as-of YYYY-MM-DD]

Count the members a rule selects (rule language: docs/rules.md). Saved audiences and tags of
the workspace resolve by name or id. --as-of defaults to the workspace's as-of day.

Prints {count, total, asOf, ms}.
`,
  },
  members: {
    usage: 'meridian members <dir> "<rule>" [--as-of YYYY-MM-DD] [--format json|csv] [--limit N]',
    help: `meridian members <dir> "<rule>" [--as-of YYYY-MM-DD] [--format json|csv] [--limit N]

List the members a rule selects, in member-id order.

  --format json     {count, total, asOf, members: [{id, name, region}]} (default)
  --format csv      id,name,region rows with a header
  --limit N         at most N members (count still counts them all)
`,
  },
  tags: {
    usage: 'meridian tags <dir> <rules.json> [--as-of YYYY-MM-DD]',
    help: `meridian tags <dir> <rules.json> [--as-of YYYY-MM-DD]

Evaluate tag rules: rules.json is a JSON array of {id, name, group?, priority?, rule: "text"}.
Tags of one group are exclusive: a member holds only the highest-priority tag it matches.

Prints {asOf, total, ms, tags: [{id, name, group, priority, count, matched}]}
(count = holders after exclusivity, matched = members the rule alone selects).
`,
  },
} as const;
export type CommandName = keyof typeof COMMANDS;

export const HELP = `meridian: the Meridian command line (workspaces as directories, same core as the app)

Commands:
${Object.values(COMMANDS).map((c) => `  ${c.usage}`).join('\n')}

Every command prints JSON on stdout; errors print {"error": {"message", "where"?}} on stderr
with exit code 1 (bad input or data) or 2 (bad command line).
Run "meridian <command> --help" for details. Docs: docs/cli.md
`;
