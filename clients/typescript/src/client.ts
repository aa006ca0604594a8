// A small typed client over the suite's four services, built with openapi-fetch on the types that
// scripts/generate.mjs writes from each service's OpenAPI document. Everything here is checked by
// `tsc --strict`: a path, parameter, body field or answer that the documents no longer have is a
// compile error, which is how CI notices a document change that breaks clients.
import createClient, { type Client } from "openapi-fetch";

import type { components as FundingComponents, paths as FundingPaths } from "./generated/funding.js";
import type { components as IndicatorComponents, paths as IndicatorPaths } from "./generated/indicator.js";
import type { components as RegistryComponents, paths as RegistryPaths } from "./generated/registry.js";
import type { components as ReportComponents, paths as ReportPaths } from "./generated/report.js";

/** RFC 9457 problem details, the body of every error answer of every service. */
export type Problem = FundingComponents["schemas"]["Problem"];
export type Violation = FundingComponents["schemas"]["Violation"];

// The four documents declare the same Problem; if one drifts, these lines stop compiling.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameProblem: [
  Same<Problem, IndicatorComponents["schemas"]["Problem"]>,
  Same<Problem, RegistryComponents["schemas"]["Problem"]>,
  Same<Problem, ReportComponents["schemas"]["Problem"]>,
] = [true, true, true];
void sameProblem;

export type BookPostingRequest = FundingComponents["schemas"]["BookPostingRequest"];
export type PostingResponse = FundingComponents["schemas"]["PostingResponse"];
export type StatisticsResponse = RegistryComponents["schemas"]["StatisticsResponse"];
export type ReportResponse = ReportComponents["schemas"]["ReportResponse"];
export type GenerateReportRequest = ReportComponents["schemas"]["GenerateReportRequest"];
export type ReportContent = ReportComponents["schemas"]["ReportContent"];

/** A refusal or failure from a service, with its problem details. */
export class ProblemError extends Error {
  readonly status: number;

  constructor(
    readonly problem: Problem,
    readonly response: Response,
  ) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ""}`);
    this.name = "ProblemError";
    this.status = problem.status;
  }

  /** The message for one invalid field, as the service named it, if it did. */
  violation(field: string): string | undefined {
    return this.problem.violations?.find((v) => v.field === field)?.message;
  }
}

/** What openapi-fetch answers: data on success, the typed error body otherwise. */
type Answer<T> = { data: T; error?: never; response: Response } | { data?: never; error: Problem; response: Response };

/** The data of a successful answer, or a ProblemError carrying the problem details. */
export function orThrow<T>(answer: Answer<T>): T {
  if (answer.error !== undefined) {
    throw new ProblemError(answer.error, answer.response);
  }
  return answer.data;
}

export interface Options {
  /** Scheme and host of the suite; each service on its port (default http://localhost). */
  host?: string;
  /** A bearer token (deploy/mint-token ROLE REGION). */
  token: string;
  /** A fetch to use instead of the global one (tests, proxies). */
  fetch?: typeof globalThis.fetch;
}

/**
 * The media types the clients read as data: JSON and problem details. An operation that also
 * answers CSV, HTML, Word or PDF (a report) is then typed by its JSON answer; ask for the others
 * with `parseAs: "blob"` (downloadReport).
 */
export type Json = `${string}/${string}json`;

export interface Clients {
  indicator: Client<IndicatorPaths, Json>;
  registry: Client<RegistryPaths, Json>;
  funding: Client<FundingPaths, Json>;
  report: Client<ReportPaths, Json>;
}

/** One client per service, on the local default ports (docs/architecture.md). */
export function clients(options: Options): Clients {
  const host = (options.host ?? "http://localhost").replace(/\/$/, "");
  const common = {
    headers: { Authorization: `Bearer ${options.token}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  return {
    indicator: createClient<IndicatorPaths, Json>({ baseUrl: `${host}:8081`, ...common }),
    registry: createClient<RegistryPaths, Json>({ baseUrl: `${host}:8082`, ...common }),
    funding: createClient<FundingPaths, Json>({ baseUrl: `${host}:8083`, ...common }),
    report: createClient<ReportPaths, Json>({ baseUrl: `${host}:8084`, ...common }),
  };
}

/**
 * Books a posting (a voucher whose debits and credits balance). The idempotency key makes a retry
 * safe: the same key with the same body answers the posting booked the first time (200, not 201).
 */
export async function bookPosting(
  api: Clients,
  county: string,
  posting: BookPostingRequest,
  idempotencyKey: string = crypto.randomUUID(),
): Promise<PostingResponse> {
  return orThrow(
    await api.funding.POST("/api/v1/counties/{regionCode}/postings", {
      params: { path: { regionCode: county }, header: { "Idempotency-Key": idempotencyKey } },
      body: posting,
    }),
  );
}

/** The registry's statistics of a region for a school year (2025 means 2025–2026). */
export async function statistics(api: Clients, region: string, schoolYear: number): Promise<StatisticsResponse> {
  return orThrow(
    await api.registry.GET("/api/v1/regions/{code}/statistics", {
      params: { path: { code: region }, query: { schoolYear } },
    }),
  );
}

/** The newest report snapshot of a region and year, if there is one. */
export async function latestReport(api: Clients, region: string, year: number): Promise<ReportResponse | undefined> {
  const page = orThrow(
    await api.report.GET("/api/v1/reports", { params: { query: { region, year, size: 1 } } }),
  );
  return page.items?.[0];
}

/** Generates and stores a report snapshot. */
export async function generateReport(api: Clients, request: GenerateReportRequest): Promise<ReportResponse> {
  return orThrow(await api.report.POST("/api/v1/reports", { body: request }));
}

/** A snapshot's JSON: every figure with its provenance, the checks and the document. */
export async function reportContent(api: Clients, id: string): Promise<ReportContent> {
  return orThrow(
    await api.report.GET("/api/v1/reports/{id}", {
      params: { path: { id }, query: { format: "json" } },
    }),
  );
}

export type Download = "docx" | "pdf" | "html" | "markdown" | "xlsx";

/**
 * A snapshot rendered as Word, PDF, HTML or Markdown, or its data as an Excel workbook (xlsx: sheets
 * 数据, 规则, 核查), as bytes (the same bytes every time).
 */
export async function downloadReport(api: Clients, id: string, format: Download): Promise<Blob> {
  const answer = await api.report.GET("/api/v1/reports/{id}", {
    params: { path: { id }, query: { format } },
    parseAs: "blob",
  });
  return orThrow(answer);
}
