/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include <string.h>

#include "fw-text-input.h"
#include "fw-workbook-io.h"

G_DEFINE_QUARK (fw-text-input-error-quark, fw_text_input_error)

/* ------------------------------------------------------------------ reading */

gboolean
fw_text_input_check_size (guint64      size,
                          guint64      max_size,
                          const char  *name,
                          GError     **error)
{
  g_autofree char *what = NULL;

  if (size <= max_size)
    return TRUE;
  what = fw_file_dup_too_large (max_size);
  g_set_error (error, FW_TEXT_INPUT_ERROR, FW_TEXT_INPUT_ERROR_TOO_LARGE, "%s: %s", name, what);
  return FALSE;
}

GBytes *
fw_text_input_read (GFile         *file,
                    const char    *name,
                    guint64        max_size,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return fw_file_read_checked (file, name, max_size, FW_TEXT_INPUT_ERROR,
                               FW_TEXT_INPUT_ERROR_TOO_LARGE, NULL, NULL, cancellable, error);
}

/* ------------------------------------------------------------------ decoding */

static void
set_binary_error (GError     **error,
                  const char  *name)
{
  g_set_error (error, FW_TEXT_INPUT_ERROR, FW_TEXT_INPUT_ERROR_BINARY,
               _("%s: this is binary data, not text; save it as plain text or CSV"), name);
}

/* TRUE when the bytes before the first invalid UTF-8 sequence hold non-ASCII
 * UTF-8: CP932 text fails at its first Japanese character instead. */
static gboolean
utf8_before_error (const char *raw,
                   gsize       len,
                   guint      *line)
{
  const char *end = NULL;
  gboolean multibyte = FALSE;

  g_utf8_validate_len (raw, len, &end);
  *line = 1;
  for (const char *p = raw; p < end; p++)
    {
      if ((guchar) *p >= 0x80)
        multibyte = TRUE;
      if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
        (*line)++;
    }
  return multibyte;
}

char *
fw_text_input_decode (GBytes       *bytes,
                      const char   *name,
                      guint64       max_size,
                      const char  **encoding,
                      GError      **error)
{
  gsize len;
  const char *raw;
  g_autofree char *text = NULL;
  const char *found;
  gsize text_len;
  guint line;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  raw = g_bytes_get_data (bytes, &len);
  if (raw == NULL)
    raw = "";
  if (!fw_text_input_check_size (len, max_size, name, error))
    return NULL;

  if (len >= 4 && memcmp (raw, "PK\003\004", 4) == 0)
    {
      g_set_error (error, FW_TEXT_INPUT_ERROR, FW_TEXT_INPUT_ERROR_BINARY,
                   _("%s: this is a zip file, such as an Excel workbook, not text; "
                     "save the sheet as CSV and use that"), name);
      return NULL;
    }

  if (len >= 3 && memcmp (raw, "\xef\xbb\xbf", 3) == 0)
    {
      if (!g_utf8_validate_len (raw + 3, len - 3, NULL))
        {
          g_set_error (error, FW_TEXT_INPUT_ERROR, FW_TEXT_INPUT_ERROR_ENCODING,
                       _("%s: the file says it is UTF-8 but is not valid UTF-8"), name);
          return NULL;
        }
      text = g_strndup (raw + 3, len - 3);
      text_len = len - 3;
      found = "UTF-8 with BOM";
    }
  else if (len >= 2 && (memcmp (raw, "\xff\xfe", 2) == 0 || memcmp (raw, "\xfe\xff", 2) == 0))
    {
      /* Excel's "Unicode text" is UTF-16 with tabs. */
      const char *from = raw[0] == '\xff' ? "UTF-16LE" : "UTF-16BE";

      text = g_convert (raw + 2, len - 2, "UTF-8", from, NULL, &text_len, NULL);
      if (text == NULL)
        {
          g_set_error (error, FW_TEXT_INPUT_ERROR, FW_TEXT_INPUT_ERROR_ENCODING,
                       _("%s: the file says it is UTF-16 but is not valid UTF-16"), name);
          return NULL;
        }
      found = "UTF-16";
    }
  else if (memchr (raw, '\0', len) != NULL)
    {
      set_binary_error (error, name);
      return NULL;
    }
  else if (g_utf8_validate_len (raw, len, NULL))
    {
      text = g_strndup (raw, len);
      text_len = len;
      found = "UTF-8";
    }
  else if (utf8_before_error (raw, len, &line))
    {
      /* Japanese UTF-8 often happens to be valid CP932 as well: reading a
       * UTF-8 file with one stray byte as CP932 would garble all of it. */
      g_set_error (error, FW_TEXT_INPUT_ERROR, FW_TEXT_INPUT_ERROR_ENCODING,
                   _("%s: line %u is not valid UTF-8, although the lines before it are"),
                   name, line);
      return NULL;
    }
  else
    {
      /* Japanese Excel and Windows' Notepad of old save CP932 (Windows
       * Shift_JIS) unless told otherwise. g_convert() stops at the first byte
       * that is not CP932, so a file in any other encoding is refused rather
       * than garbled. */
      text = g_convert (raw, len, "UTF-8", "CP932", NULL, &text_len, NULL);
      if (text == NULL)
        {
          g_set_error (error, FW_TEXT_INPUT_ERROR, FW_TEXT_INPUT_ERROR_ENCODING,
                       _("%s: the text is neither UTF-8 nor Shift_JIS (CP932); save it as "
                         "UTF-8 (in Excel: “CSV UTF-8”) and try again"), name);
          return NULL;
        }
      found = "CP932";
    }

  /* Control characters other than tab and line ends do not occur in text a
   * person wrote; a UTF-16 file can hold a NUL, which would end the string. */
  for (gsize i = 0; i < text_len; i++)
    {
      guchar c = text[i];

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
        {
          set_binary_error (error, name);
          return NULL;
        }
    }
  if (encoding)
    *encoding = found;
  return g_steal_pointer (&text);
}

/* ------------------------------------------------------------------ lines */

gsize
fw_text_input_first_line_length (const char *text)
{
  g_return_val_if_fail (text != NULL, 0);
  return strcspn (text, "\r\n");
}

char **
fw_text_input_split_lines (const char *text)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  while (*p)
    {
      gsize n = strcspn (p, "\r\n");

      g_ptr_array_add (lines, g_strndup (p, n));
      p += n;
      if (p[0] == '\r' && p[1] == '\n')
        p += 2;
      else if (*p)
        p++;
    }
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}

/* ------------------------------------------------------------------ CSV (RFC 4180) */

char
fw_text_input_guess_delimiter (const char *text)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  g_return_val_if_fail (text != NULL, ',');

  for (const char *p = text; *p && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
      else if (!quoted && *p == '\t')
        tabs++;
    }
  if (tabs > 0)
    return '\t';
  return semicolons > commas ? ';' : ',';
}

static GPtrArray *
row_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

GPtrArray *
fw_text_input_parse_csv (const char  *text,
                         char         delimiter,
                         const char  *name,
                         GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) row = row_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  while (*p)
    {
      if (cell->len == 0 && *p == '"')
        {
          guint start_row = rows->len + 1;

          p++;
          for (;;)
            {
              if (*p == '\0')
                {
                  /* TRANSLATORS: a CSV file's row number */
                  g_autofree char *what = g_strdup_printf (_("row %u: a quoted cell is never "
                                                             "closed"), start_row);

                  if (name)
                    g_set_error (error, FW_TEXT_INPUT_ERROR, FW_TEXT_INPUT_ERROR_SYNTAX,
                                 "%s: %s", name, what);
                  else
                    g_set_error_literal (error, FW_TEXT_INPUT_ERROR, FW_TEXT_INPUT_ERROR_SYNTAX,
                                         what);
                  return NULL;
                }
              if (p[0] == '"' && p[1] == '"')
                {
                  g_string_append_c (cell, '"');
                  p += 2;
                }
              else if (p[0] == '"')
                {
                  p++;
                  break;
                }
              else if (p[0] == '\r')
                {
                  g_string_append_c (cell, '\n');
                  p += p[1] == '\n' ? 2 : 1;
                }
              else
                g_string_append_c (cell, *p++);
            }
          /* Anything between the closing quote and the delimiter is kept as
           * text, as spreadsheets do. */
          continue;
        }

      if (*p == delimiter)
        {
          g_ptr_array_add (row, g_strndup (cell->str, cell->len));
          g_string_truncate (cell, 0);
          p++;
        }
      else if (*p == '\r' || *p == '\n')
        {
          g_ptr_array_add (row, g_strndup (cell->str, cell->len));
          g_string_truncate (cell, 0);
          g_ptr_array_add (rows, g_steal_pointer (&row));
          row = row_new ();
          p += (p[0] == '\r' && p[1] == '\n') ? 2 : 1;
        }
      else
        g_string_append_c (cell, *p++);
    }
  if (cell->len > 0 || row->len > 0)
    {
      g_ptr_array_add (row, g_strndup (cell->str, cell->len));
      g_ptr_array_add (rows, g_steal_pointer (&row));
    }
  return g_steal_pointer (&rows);
}
