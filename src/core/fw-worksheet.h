/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fw-workbook.h"

G_BEGIN_DECLS

/* The ML Usecase Discovery Worksheet that workshop participants fill in a
 * spreadsheet: reading it as CSV and writing it back (docs/worksheet.md). */

/* Refused before anything else is looked at. */
#define FW_WORKSHEET_MAX_SIZE (32 * 1024 * 1024)
/* An .xlsx's parts that are read (the workbook, its shared strings, the first
 * sheet) may inflate to this much in all, counted while inflating. */
#define FW_WORKSHEET_MAX_UNPACKED ((guint64) FW_WORKSHEET_MAX_SIZE * 4)

/* The 2023 layout written by the exports: the sheet's columns A–P, then
 * Flywheel's own (Q–AB: title, story, use case, the idea's whys, and the whole
 * idea and case as data) that its import reads back and the sheet ignores. */
#define FW_WORKSHEET_N_SHEET_COLUMNS 16
#define FW_WORKSHEET_N_COLUMNS 28
/* Rows above the first data row: title, purpose, instruction, the two header rows. */
#define FW_WORKSHEET_N_HEADER_ROWS 8

#define FW_WORKSHEET_ERROR (fw_worksheet_error_quark ())

typedef enum
{
  FW_WORKSHEET_ERROR_TOO_LARGE,  /* over FW_WORKSHEET_MAX_SIZE */
  FW_WORKSHEET_ERROR_BINARY,     /* NUL bytes, control characters */
  FW_WORKSHEET_ERROR_ENCODING,   /* neither UTF-8/UTF-16 nor CP932 */
  FW_WORKSHEET_ERROR_SYNTAX,     /* a quoted cell never closed */
  FW_WORKSHEET_ERROR_NO_HEADER,  /* no row with the worksheet's column names */
  FW_WORKSHEET_ERROR_WRITE,      /* the XLSX could not be written */
  FW_WORKSHEET_ERROR_XLSX,       /* an .xlsx that cannot be read: damaged, encrypted, a .docx… */
} FwWorksheetError;

typedef enum
{
  FW_WORKSHEET_LAYOUT_2023,      /* 理解編 cases + 応用編 ideas */
  FW_WORKSHEET_LAYOUT_2022,      /* one idea per row, PoC優先度 */
} FwWorksheetLayout;

/* What an import did, for the summary the user sees. */
typedef struct
{
  guint              n_cases;
  guint              n_ideas;
  guint              n_skipped;      /* rows with text that were not imported */
  GPtrArray         *skipped;        /* char *: one translated sentence per skipped row */
  GPtrArray         *notes;          /* char *: text left out of a row that was imported */
  const char        *encoding;       /* "UTF-8", "UTF-8 with BOM", "UTF-16", "CP932", "XLSX" */
  char               delimiter;      /* ',', '\t' or ';'; '\0' for an XLSX */
  FwWorksheetLayout  layout;
  guint              header_row;     /* 1-based, the row with the column names */
} FwImportReport;

GQuark          fw_worksheet_error_quark   (void);

void            fw_import_report_free      (FwImportReport *report);
/* "3 cases and 2 ideas imported, 1 row skipped: row 14 has …" (translated). */
char           *fw_import_report_summary   (const FwImportReport *report);

/* Reads a worksheet saved as CSV or tab-separated text by Excel, LibreOffice or
 * Google Sheets, or as an Excel workbook (.xlsx, its first sheet; told from its
 * bytes, never its name: fw-xlsx-read.h). @name names the sheet in messages.
 * On error nothing is returned and *report is left NULL. Ids are derived from the
 * content, so the same sheet always gives the same workbook. */
FwWorkbook     *fw_worksheet_import        (GBytes          *data,
                                            const char      *name,
                                            FwImportReport **report,
                                            GError         **error);

typedef enum
{
  FW_WORKSHEET_EXPORT_DEFAULT    = 0,
  /* The workshop's columns A–P alone: what the sheet has room for, no more
   * (an idea's story, whys, evidence and task are then left out). */
  FW_WORKSHEET_EXPORT_SHEET_ONLY = 1 << 0,
} FwWorksheetExportFlags;

/* The 2023 layout as UTF-8 CSV with a byte-order mark and CRLF line ends.
 * With Flywheel's columns, importing it gives back every case and idea as it
 * was, ids included; cells edited in the spreadsheet are taken from the sheet. */
GBytes         *fw_worksheet_export_csv    (FwWorkbook      *wb,
                                            FwWorksheetExportFlags flags);
/* @path with the extension of the file type chosen (.csv or .xlsx), which wins
 * over the one typed: "plan.xlsx" exported as CSV is "plan.csv". */
char           *fw_worksheet_file_path     (const char      *path,
                                            gboolean         csv);
/* How many of a row's columns an export writes. */
guint           fw_worksheet_export_n_columns (FwWorksheetExportFlags flags);

/* The 2023 layout as rows of cells (each a NULL-terminated array of
 * FW_WORKSHEET_N_COLUMNS strings), header rows first: shared by the CSV and
 * XLSX writers so they can never disagree. Cases and ideas are looked up from
 * the rows through @row_cases / @row_ideas when not NULL (NULL entries for
 * header rows and empty halves). */
GPtrArray      *fw_worksheet_layout_rows   (FwWorkbook      *wb,
                                            GPtrArray      **row_cases,
                                            GPtrArray      **row_ideas);

/* The text the 2022 layout shows in its cells, for the XLSX writer's second sheet. */
char           *fw_worksheet_use_case_text (FwIdea          *idea);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwImportReport, fw_import_report_free)

G_END_DECLS
