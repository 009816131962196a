/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reading an Excel workbook (.xlsx) as Excel or LibreOffice saves it: the first
 * sheet's cells as text, for the worksheet importer (docs/worksheet.md). The zip
 * is read from memory here, its entries inflated with GIO's zlib decompressor and
 * the XML parsed with GMarkup, so no library beyond GLib is needed. */

#define FW_XLSX_READ_ERROR (fw_xlsx_read_error_quark ())

typedef enum
{
  FW_XLSX_READ_ERROR_DAMAGED,       /* not a zip, or a damaged one */
  FW_XLSX_READ_ERROR_NOT_WORKBOOK,  /* a zip without a workbook: a .docx, an .odt, … */
  FW_XLSX_READ_ERROR_ENCRYPTED,     /* an OLE file: password-protected, or an old .xls */
  FW_XLSX_READ_ERROR_TOO_LARGE,     /* unpacks to more than the caller's limit */
  FW_XLSX_READ_ERROR_TOO_MANY_CELLS,
} FwXlsxReadError;

/* The most cells a sheet may have, counting the empty ones before a row's last
 * text (so a lone cell at XFD1048576 cannot make the reader fill a million rows). */
#define FW_XLSX_READ_MAX_CELLS (4 * 1024 * 1024)
/* Excel's own limits. */
#define FW_XLSX_READ_MAX_ROWS 1048576
#define FW_XLSX_READ_MAX_COLUMNS 16384

GQuark       fw_xlsx_read_error_quark    (void);

/* TRUE when @bytes start as a zip or as an OLE compound file (what Excel writes for
 * a password-protected workbook and for an old .xls): bytes for fw_xlsx_read_sheet(),
 * never for a text reader. Only the bytes are looked at, never a file name. */
gboolean     fw_xlsx_read_is_workbook    (GBytes        *bytes);

/* The first sheet (in the workbook's order) as rows of cells: a GPtrArray of rows,
 * each a GPtrArray of char *, the records fw_text_input_parse_csv() makes. A row
 * holds the cells up to its last one with text; cells and rows the sheet skips are
 * empty. Numbers are their text as written in the file, booleans TRUE or FALSE,
 * errors their text (#N/A); line ends inside a cell become LF. Hidden rows and
 * columns are read like the others. Refuses, naming @name: a damaged zip or XML,
 * a zip without a workbook, an OLE file, more than @max_unpacked bytes inflated
 * (counted while inflating) and more than FW_XLSX_READ_MAX_CELLS cells. */
GPtrArray   *fw_xlsx_read_sheet          (GBytes        *bytes,
                                          const char    *name,
                                          guint64        max_unpacked,
                                          GError       **error);

G_END_DECLS
