/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Text that people bring from elsewhere: a worksheet saved by a spreadsheet, a
 * backlog of user stories. The one place such a file is read (with one size
 * check), decoded (UTF-8 with or without BOM, UTF-16 with BOM, CP932) and split
 * into CSV rows or lines. The worksheet importer and triage both use it. */

#define FW_TEXT_INPUT_ERROR (fw_text_input_error_quark ())

typedef enum
{
  FW_TEXT_INPUT_ERROR_TOO_LARGE,  /* over the caller's limit */
  FW_TEXT_INPUT_ERROR_BINARY,     /* NUL or control bytes, a zip (an .xlsx) */
  FW_TEXT_INPUT_ERROR_ENCODING,   /* neither UTF-8, UTF-16 with a BOM nor CP932 */
  FW_TEXT_INPUT_ERROR_SYNTAX,     /* a quoted CSV cell never closed */
} FwTextInputError;

GQuark       fw_text_input_error_quark   (void);

/* Sets FW_TEXT_INPUT_ERROR_TOO_LARGE, naming @name, when @size is over
 * @max_size; the one wording of that refusal. */
gboolean     fw_text_input_check_size    (guint64       size,
                                          guint64       max_size,
                                          const char   *name,
                                          GError      **error);

/* Reads a regular file of at most @max_size bytes. An oversized file is refused
 * from its size alone, never read. Failures name @name (what the user gave, so
 * never a temporary or resolved path) in Flywheel's words, not GIO's:
 * G_IO_ERROR for a missing or unreadable file, FW_TEXT_INPUT_ERROR_TOO_LARGE. */
GBytes      *fw_text_input_read          (GFile         *file,
                                          const char    *name,
                                          guint64        max_size,
                                          GCancellable  *cancellable,
                                          GError       **error);

/* The text of @bytes as UTF-8, without a byte-order mark and with its line ends
 * as they were. *@encoding (may be NULL) is set to "UTF-8", "UTF-8 with BOM",
 * "UTF-16" or "CP932". Refuses more than @max_size bytes, binary data and any
 * other encoding, naming @name. */
char        *fw_text_input_decode        (GBytes        *bytes,
                                          const char    *name,
                                          guint64        max_size,
                                          const char   **encoding,
                                          GError       **error);

/* ',', '\t' or ';': the separator of the first record (outside quotes); a tab
 * wins, then the more frequent of semicolon and comma. */
char         fw_text_input_guess_delimiter (const char  *text);

/* Rows of cells per RFC 4180: a GPtrArray of rows, each a GPtrArray of char *.
 * Quoted cells may hold the delimiter, "" for a quote and line breaks (which
 * become LF); rows end at CRLF, LF or a lone CR. A blank line is a row of one
 * empty cell. An unclosed quote is FW_TEXT_INPUT_ERROR_SYNTAX, naming @name
 * when it is not NULL. */
GPtrArray   *fw_text_input_parse_csv     (const char    *text,
                                          char           delimiter,
                                          const char    *name,
                                          GError       **error);

/* The lines of @text, split at CRLF, LF or a lone CR, without their ends.
 * A final line end does not start another line. */
char       **fw_text_input_split_lines   (const char    *text);

/* The length of the first line of @text, without its end. */
gsize        fw_text_input_first_line_length (const char *text);

G_END_DECLS
