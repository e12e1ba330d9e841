// Lints Cypher for Neo4j 5 with Neo4j's own language support (the parser and
// the server's semantic analysis, compiled to JavaScript): stdin is
// {"queries": [...], "schema": {labels, relationshipTypes, propertyKeys}},
// stdout one {"diagnostics": [{severity, message, line, column}]} per query.
// Procedures and functions are the package's catalogue of a Neo4j server
// without plugins (APOC, GDS and the like are dropped: paperkg must not need them).
import { readFileSync } from 'node:fs';
import { lintCypherQuery, isNotParamError, testData } from '@neo4j-cypher/language-support';

const PLUGINS = /^(apoc|gds|cdc|db\.cdc)\./;
const builtIn = (registry) => Object.fromEntries(Object.entries(registry).filter(([name]) => !PLUGINS.test(name)));

const input = JSON.parse(readFileSync(0, 'utf8'));
const catalogue = testData.mockSchema;
const schema = {
  ...input.schema,
  defaultLanguage: 'CYPHER 5',
  procedures: { 'CYPHER 5': builtIn(catalogue.procedures['CYPHER 5']) },
  functions: { 'CYPHER 5': builtIn(catalogue.functions['CYPHER 5']) },
};
const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const results = input.queries.map((query) => ({
  // Parameters are supplied at run time, so "parameter not defined" is not a finding.
  diagnostics: lintCypherQuery(query, schema).diagnostics.filter(isNotParamError).map((d) => ({
    severity: SEVERITY[d.severity] ?? String(d.severity),
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
  })),
}));
process.stdout.write(JSON.stringify(results));
