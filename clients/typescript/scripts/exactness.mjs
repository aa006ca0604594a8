// Fails when a generated type is loose where a client relies on it: every request and response body
// of every operation (and everything reachable from it) must resolve to a real type, never `any`,
// `unknown`, `{}` or an object that can hold nothing (`Record<string, never>`, what openapi-typescript
// makes of a bare `type: object`); and every error answer (4xx, 5xx) must be problem details
// (RFC 9457: at least `type`, `title` and `status`). Reads src/generated/*.ts with the TypeScript
// compiler, so what is judged is what a client's code sees.
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const here = dirname(fileURLToPath(import.meta.url));
const generated = resolve(here, "../src/generated");
const files = readdirSync(generated).filter((f) => f.endsWith(".ts")).map((f) => join(generated, f));
if (files.length === 0) {
  console.error("no generated types in src/generated: run `npm run generate` first");
  process.exit(1);
}

const program = ts.createProgram(files, { strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022 });
const checker = program.getTypeChecker();
const PROBLEM_FIELDS = ["type", "title", "status"];
const defects = [];

for (const file of files) {
  const source = program.getSourceFile(file);
  const operations = source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === "operations");
  if (!operations) {
    defects.push(`${file}: no operations interface`);
    continue;
  }
  const service = file.slice(generated.length + 1, -3);
  const type = checker.getTypeAtLocation(operations.name);
  for (const operation of checker.getPropertiesOfType(type)) {
    const where = `${service} ${operation.name}`;
    const op = checker.getTypeOfSymbol(operation);
    const body = property(op, "requestBody");
    if (body) {
      for (const [mediaType, t] of contents(body)) {
        walk(t, `${where} request ${mediaType}`, new Set());
      }
    }
    const responses = property(op, "responses");
    for (const status of responses ? checker.getPropertiesOfType(responses) : []) {
      const response = checker.getTypeOfSymbol(status);
      const code = status.name;
      const answers = contents(response);
      if (/^[45]\d\d$/.test(code)) {
        const problem = answers.find(([mediaType]) => mediaType === "application/problem+json");
        if (!problem) {
          defects.push(`${where} ${code}: not answered as application/problem+json`);
        } else {
          const names = checker.getPropertiesOfType(problem[1]).map((p) => p.name);
          const missing = PROBLEM_FIELDS.filter((f) => !names.includes(f));
          if (missing.length > 0) {
            defects.push(`${where} ${code}: problem details without ${missing.join(", ")}`);
          }
        }
      }
      for (const [mediaType, t] of answers) {
        walk(t, `${where} ${code} ${mediaType}`, new Set());
      }
    }
  }
}

if (defects.length > 0) {
  console.error(`${defects.length} loose type(s) in the generated clients:`);
  for (const d of defects) console.error(`  ${d}`);
  console.error("Give the schema its type on the Java side (@Schema(implementation = ...), a record, an enumeration).");
  process.exit(1);
}
console.log(`exact: every body of every operation in ${files.length} documents has a type`);

/** The type of a property (optional or not), or undefined when absent or `never`. */
function property(type, name) {
  const symbol = checker.getPropertyOfType(type, name);
  if (!symbol) return undefined;
  const t = checker.getNonNullableType(checker.getTypeOfSymbol(symbol));
  return t.flags & ts.TypeFlags.Never ? undefined : t;
}

/** [media type, body type] of a request body or response's `content`. */
function contents(type) {
  const content = property(type, "content");
  if (!content) return [];
  return checker.getPropertiesOfType(content).map((m) => [m.name, checker.getTypeOfSymbol(m)]);
}

function walk(type, path, seen) {
  if (seen.has(type)) return;
  seen.add(type);
  const flags = type.flags;
  if (flags & ts.TypeFlags.Any) return defects.push(`${path}: any`);
  if (flags & ts.TypeFlags.Unknown) return defects.push(`${path}: unknown`);
  if (type.isUnion() || type.isIntersection()) {
    for (const t of type.types) walk(t, path, seen);
    return;
  }
  if (!(flags & ts.TypeFlags.Object)) return; // string, number, boolean, literals, null, undefined
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    for (const t of checker.getTypeArguments(type)) walk(t, `${path}[]`, seen);
    return;
  }
  const properties = checker.getPropertiesOfType(type);
  const indexes = checker.getIndexInfosOfType(type);
  if (properties.length === 0) {
    if (indexes.length === 0) return defects.push(`${path}: {} (an object with nothing declared)`);
    for (const index of indexes) {
      if (index.type.flags & ts.TypeFlags.Never) {
        defects.push(`${path}: Record<string, never> (a bare type: object)`);
      }
    }
  }
  for (const index of indexes) {
    if (!(index.type.flags & ts.TypeFlags.Never)) walk(index.type, `${path}[key]`, seen);
  }
  for (const p of properties) {
    walk(checker.getTypeOfSymbol(p), `${path}.${p.name}`, seen);
  }
}
