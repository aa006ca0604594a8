// Runs the typed client against a running suite (deploy/run, or the launcher): books a posting,
// shows a refusal as typed problem details, reads the registry's statistics and downloads the
// county's report as Word. Needs a county-editor token of the county:
//   EDUDUTY_TOKEN=$(deploy/mint-token county-editor 990101) npm run example
// EDUDUTY_HOST (default http://localhost) and EDUDUTY_COUNTY (default 990101, the demo county) may
// point it elsewhere.
import { mkdir, writeFile } from "node:fs/promises";

import {
  bookPosting,
  clients,
  downloadReport,
  generateReport,
  latestReport,
  ProblemError,
  reportContent,
  statistics,
  type BookPostingRequest,
} from "./client.js";

const token = process.env["EDUDUTY_TOKEN"];
if (!token) {
  console.error("Set EDUDUTY_TOKEN to a county-editor token, e.g. EDUDUTY_TOKEN=$(deploy/mint-token county-editor 990101)");
  process.exit(2);
}
const county = process.env["EDUDUTY_COUNTY"] ?? "990101";
const api = clients({ token, host: process.env["EDUDUTY_HOST"] ?? "http://localhost" });

// 1. Book a posting: 100 yuan of general spending (5001) paid from the bureau's account (1002).
// Amounts are decimal strings, never floating point.
const today = new Date().toISOString().slice(0, 10);
const posting: BookPostingRequest = {
  fiscalYear: Number(today.slice(0, 4)),
  bookingDate: today,
  voucherNumber: `TS-${Date.now()}`,
  memo: "示例：TypeScript 客户端记账",
  lines: [
    { account: "5001", debit: "100.00" },
    { account: "1002", credit: "100.00" },
  ],
};
const key = crypto.randomUUID();
const booked = await bookPosting(api, county, posting, key);
console.log(`booked posting ${booked.id} (${booked.voucherNumber}) on ${booked.bookingDate}`);
const replayed = await bookPosting(api, county, posting, key);
console.log(`the same Idempotency-Key answers the same posting: ${replayed.id === booked.id}`);

// 2. A posting whose lines do not balance is refused with problem details, typed as Problem.
try {
  await bookPosting(api, county, { ...posting, voucherNumber: `TS-${Date.now()}-x`, lines: [{ account: "5001", debit: "1.00" }] });
  console.log("an unbalanced posting was booked (it should not have been)");
  process.exitCode = 1;
} catch (e) {
  if (!(e instanceof ProblemError)) throw e;
  const fields = (e.problem.violations ?? []).map((v) => `${v.field}: ${v.message}`).join("; ");
  console.log(`refused as expected: ${e.status} ${e.problem.title} (${e.problem.type})${fields ? ` — ${fields}` : ""}`);
}

// 3. Read a statistic of the registry: school year 2025 (2025–2026).
const stats = await statistics(api, county, 2025);
console.log(`registry: ${stats.schools ?? 0} schools in ${stats.regionCode}, school year ${stats.schoolYear}`);
for (const figure of (stats.figures ?? []).slice(0, 3)) {
  console.log(`  ${figure.label}: ${figure.value ?? `— (${figure.absentReason})`} ${figure.unit ?? ""}`);
}

// 4. The county's 2025 report: the newest snapshot, or a draft generated now; its figures as JSON,
// and its Word rendering as bytes.
const report = (await latestReport(api, county, 2025)) ?? (await generateReport(api, { region: county, year: 2025, kind: "DRAFT" }));
if (!report.id) throw new Error("report-service answered a snapshot without an id");
const content = await reportContent(api, report.id);
const first = content.figures?.[0];
console.log(`report ${report.id} (${report.kind}): ${content.figures?.length ?? 0} figures, ${content.checks?.length ?? 0} checks`);
if (first) console.log(`  ${first.label}: ${first.value ?? first.absentReason} ${first.unit ?? ""}`);
const headings = (content.document?.blocks ?? []).filter((b) => b.type === "heading").map((b) => b.text);
console.log(`  headings: ${headings.slice(0, 3).join(" / ")}`);
const docx = await downloadReport(api, report.id, "docx");
await mkdir("build", { recursive: true });
await writeFile("build/report.docx", new Uint8Array(await docx.arrayBuffer()));
console.log(`downloaded build/report.docx (${docx.size} bytes)`);
