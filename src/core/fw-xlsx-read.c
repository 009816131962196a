/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include <stdlib.h>
#include <string.h>

#include "fw-xlsx-read.h"

G_DEFINE_QUARK (fw-xlsx-read-error-quark, fw_xlsx_read_error)

/* What Excel writes for a password-protected workbook (and for .xls, .doc, …). */
static const guint8 ole_magic[8] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

/* Zip record sizes without their variable parts (PKWARE's APPNOTE). */
#define EOCD_SIZE 22
#define CENTRAL_SIZE 46
#define LOCAL_SIZE 30
#define SIZE_IN_ZIP64 0xffffffffu

/* How much of an entry is inflated at a time before it goes to the XML parser. */
#define CHUNK_SIZE (64 * 1024)

typedef struct
{
  guint16 flags;
  guint16 method;
  guint32 compressed_size;
  guint32 size;
  guint32 offset;
} Entry;

typedef struct
{
  const guint8 *data;
  gsize         len;
  const char   *name;
  GHashTable   *entries;       /* part name → Entry */
  guint64       max_unpacked;
  guint64       unpacked;      /* inflated so far, over every entry read */
} Zip;

static guint16
get16 (const guint8 *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

static guint32
get32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) |
         ((guint32) p[3] << 24);
}

static void
set_damaged (GError     **error,
             const char  *name)
{
  g_set_error (error, FW_XLSX_READ_ERROR, FW_XLSX_READ_ERROR_DAMAGED,
               _("%s: not an XLSX workbook, or a damaged one"), name);
}

static void
set_encrypted (GError     **error,
               const char  *name)
{
  g_set_error (error, FW_XLSX_READ_ERROR, FW_XLSX_READ_ERROR_ENCRYPTED,
               _("%s: this workbook is password-protected, or an old Excel file (.xls); "
                 "in Excel or LibreOffice, remove the password or save it as .xlsx or CSV, "
                 "and import that"), name);
}

static void
set_too_large (GError     **error,
               const char  *name,
               guint64      max_unpacked)
{
  g_autofree char *limit = g_format_size_full (max_unpacked, G_FORMAT_SIZE_IEC_UNITS);

  /* TRANSLATORS: %s: the file, then a size formatted by GLib ("128.0 MiB") */
  g_set_error (error, FW_XLSX_READ_ERROR, FW_XLSX_READ_ERROR_TOO_LARGE,
               _("%s: the workbook unpacks to more than %s, too large to read"), name, limit);
}

static void
set_too_many_cells (GError     **error,
                    const char  *name)
{
  g_set_error (error, FW_XLSX_READ_ERROR, FW_XLSX_READ_ERROR_TOO_MANY_CELLS,
               _("%s: the sheet has more than %u cells, too many to read"),
               name, (guint) FW_XLSX_READ_MAX_CELLS);
}

gboolean
fw_xlsx_read_is_workbook (GBytes *bytes)
{
  gsize len;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &len);
  if (len >= 4 && (memcmp (data, "PK\003\004", 4) == 0 || memcmp (data, "PK\005\006", 4) == 0))
    return TRUE;
  return len >= sizeof ole_magic && memcmp (data, ole_magic, sizeof ole_magic) == 0;
}

/* ------------------------------------------------------------------ the zip */

/* The central directory, found from its end record; every offset is checked
 * against the buffer before it is read. */
static gboolean
zip_open (Zip     *zip,
          GError **error)
{
  const guint8 *d = zip->data;
  gsize len = zip->len;
  gsize eocd = 0;
  gboolean found = FALSE;
  guint n_entries;
  guint64 cd_offset, cd_size, cd_end, p;

  if (len < EOCD_SIZE)
    {
      set_damaged (error, zip->name);
      return FALSE;
    }
  /* The end record is last, after a comment of at most 65535 bytes. */
  for (gsize at = len - EOCD_SIZE + 1; at-- > 0 && len - at <= EOCD_SIZE + 0xffff;)
    if (memcmp (d + at, "PK\005\006", 4) == 0 && at + EOCD_SIZE + get16 (d + at + 20) <= len)
      {
        eocd = at;
        found = TRUE;
        break;
      }
  if (!found)
    {
      set_damaged (error, zip->name);
      return FALSE;
    }

  n_entries = get16 (d + eocd + 10);
  cd_size = get32 (d + eocd + 12);
  cd_offset = get32 (d + eocd + 16);
  cd_end = cd_offset + cd_size;
  /* A zip split over several disks, or a directory outside the file. */
  if (get16 (d + eocd + 4) != 0 || get16 (d + eocd + 6) != 0 || cd_end > eocd)
    {
      set_damaged (error, zip->name);
      return FALSE;
    }

  p = cd_offset;
  for (guint i = 0; i < n_entries; i++)
    {
      Entry *entry;
      guint name_len, extra_len, comment_len;
      char *part;

      if (p + CENTRAL_SIZE > cd_end || memcmp (d + p, "PK\001\002", 4) != 0)
        {
          set_damaged (error, zip->name);
          return FALSE;
        }
      name_len = get16 (d + p + 28);
      extra_len = get16 (d + p + 30);
      comment_len = get16 (d + p + 32);
      if (p + CENTRAL_SIZE + name_len + extra_len + comment_len > cd_end)
        {
          set_damaged (error, zip->name);
          return FALSE;
        }
      entry = g_new0 (Entry, 1);
      entry->flags = get16 (d + p + 8);
      entry->method = get16 (d + p + 10);
      entry->compressed_size = get32 (d + p + 20);
      entry->size = get32 (d + p + 24);
      entry->offset = get32 (d + p + 42);
      part = g_strndup ((const char *) d + p + CENTRAL_SIZE, name_len);
      /* The first of two entries of one name wins, as the zip's own order says. */
      if (g_hash_table_contains (zip->entries, part))
        {
          g_free (part);
          g_free (entry);
        }
      else
        g_hash_table_insert (zip->entries, part, entry);
      p += CENTRAL_SIZE + name_len + extra_len + comment_len;
    }
  return TRUE;
}

/* Hands @len bytes of a part to its parser; the part's first bytes may be a UTF-8
 * byte-order mark, which some writers put there, XML readers accept and GMarkup
 * does not. */
static gboolean
feed (GMarkupParseContext  *context,
      const char           *data,
      gsize                 len,
      gboolean             *first,
      GError              **error)
{
  if (*first && len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  *first = FALSE;
  return g_markup_parse_context_parse (context, data, len, error);
}

/* Inflates (or copies) the part @part_name into @context, in chunks, counting
 * every byte against the zip's limit as it comes out: the sizes the zip states
 * are never trusted for that. */
static gboolean
zip_parse_part (Zip                 *zip,
                const char          *part_name,
                GMarkupParseContext *context,
                GError             **error)
{
  const Entry *entry = g_hash_table_lookup (zip->entries, part_name);
  const guint8 *d = zip->data;
  guint64 start;
  guint64 produced = 0;
  gboolean first = TRUE;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (entry != NULL, FALSE);

  if (entry->flags & 1)
    {
      set_encrypted (error, zip->name);
      return FALSE;
    }
  if ((guint64) entry->offset + LOCAL_SIZE > zip->len ||
      memcmp (d + entry->offset, "PK\003\004", 4) != 0)
    {
      set_damaged (error, zip->name);
      return FALSE;
    }
  start = (guint64) entry->offset + LOCAL_SIZE + get16 (d + entry->offset + 26) +
          get16 (d + entry->offset + 28);
  if (start + entry->compressed_size > zip->len)
    {
      set_damaged (error, zip->name);
      return FALSE;
    }

  if (entry->method == 0)
    {
      produced = entry->compressed_size;
      if (zip->unpacked + produced > zip->max_unpacked)
        {
          set_too_large (error, zip->name, zip->max_unpacked);
          return FALSE;
        }
      zip->unpacked += produced;
      if (!feed (context, (const char *) d + start, produced, &first, &local_error))
        goto xml_error;
    }
  else if (entry->method == 8)
    {
      g_autoptr(GZlibDecompressor) inflater =
        g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW);
      g_autofree char *out = g_malloc (CHUNK_SIZE);
      const guint8 *in = d + start;
      gsize left = entry->compressed_size;

      for (;;)
        {
          gsize n_read = 0, n_written = 0;
          GConverterResult result;

          result = g_converter_convert (G_CONVERTER (inflater), in, left, out, CHUNK_SIZE,
                                        G_CONVERTER_INPUT_AT_END, &n_read, &n_written, NULL);
          /* Bad data, or the input ended before the stream did (a truncated file). */
          if (result == G_CONVERTER_ERROR || (n_read == 0 && n_written == 0 &&
                                              result != G_CONVERTER_FINISHED))
            {
              set_damaged (error, zip->name);
              return FALSE;
            }
          in += n_read;
          left -= n_read;
          produced += n_written;
          if (zip->unpacked + n_written > zip->max_unpacked)
            {
              set_too_large (error, zip->name, zip->max_unpacked);
              return FALSE;
            }
          zip->unpacked += n_written;
          if (n_written > 0 && !feed (context, out, n_written, &first, &local_error))
            goto xml_error;
          if (result == G_CONVERTER_FINISHED)
            break;
        }
    }
  else
    {
      /* Excel and LibreOffice only store or deflate. */
      set_damaged (error, zip->name);
      return FALSE;
    }

  /* No CRC-32 in GLib: the size is the check that the entry is whole. */
  if (entry->size != SIZE_IN_ZIP64 && produced != entry->size)
    {
      set_damaged (error, zip->name);
      return FALSE;
    }
  if (!g_markup_parse_context_end_parse (context, &local_error))
    goto xml_error;
  return TRUE;

xml_error:
  /* The parser's callbacks refuse in Flywheel's words; GMarkup's own errors
   * mean the XML is damaged. */
  if (local_error->domain == FW_XLSX_READ_ERROR)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    set_damaged (error, zip->name);
  return FALSE;
}

/* The first bytes of a stored entry (an OpenDocument's "mimetype"), or "". */
static char *
zip_peek_stored (Zip        *zip,
                 const char *part_name)
{
  const Entry *entry = g_hash_table_lookup (zip->entries, part_name);
  guint64 start;

  if (entry == NULL || entry->method != 0 || (guint64) entry->offset + LOCAL_SIZE > zip->len)
    return g_strdup ("");
  start = (guint64) entry->offset + LOCAL_SIZE + get16 (zip->data + entry->offset + 26) +
          get16 (zip->data + entry->offset + 28);
  if (start + MIN (entry->compressed_size, 100) > zip->len)
    return g_strdup ("");
  return g_strndup ((const char *) zip->data + start, MIN (entry->compressed_size, 100));
}

/* ------------------------------------------------------------------ XML helpers */

/* Element and attribute names without their namespace prefix: transitional and
 * strict OOXML, and writers that prefix the main namespace, all read alike. */
static const char *
local_name (const char *qualified)
{
  const char *colon = strrchr (qualified, ':');

  return colon ? colon + 1 : qualified;
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *wanted,
           gboolean     prefixed)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (local_name (names[i]), wanted) &&
        (strchr (names[i], ':') != NULL) == prefixed)
      return values[i];
  return NULL;
}

/* A relationship's target, relative to the folder of the part that has it. */
static char *
resolve_part (const char *base_dir,
              const char *target)
{
  g_autofree char *joined = NULL;
  g_auto(GStrv) segments = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else if (*base_dir == '\0')
    joined = g_strdup (target);
  else
    joined = g_strconcat (base_dir, "/", target, NULL);
  segments = g_strsplit (joined, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (*segments[i] == '\0' || g_str_equal (segments[i], "."))
        continue;
      if (g_str_equal (segments[i], ".."))
        {
          if (kept->len > 0)
            g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, segments[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

/* ------------------------------------------------------------------ relationships */

typedef struct
{
  const char *base_dir;
  GHashTable *targets;         /* Id → part name */
  char       *office_document; /* the package's workbook part */
  char       *shared_strings;
} Rels;

static void
rels_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  Rels *rels = user_data;
  const char *id, *type, *target, *mode;
  char *part;

  if (!g_str_equal (local_name (element), "Relationship"))
    return;
  id = attribute (names, values, "Id", FALSE);
  type = attribute (names, values, "Type", FALSE);
  target = attribute (names, values, "Target", FALSE);
  mode = attribute (names, values, "TargetMode", FALSE);
  if (id == NULL || target == NULL || g_strcmp0 (mode, "External") == 0)
    return;
  part = resolve_part (rels->base_dir, target);
  if (type && g_str_has_suffix (type, "/officeDocument") && rels->office_document == NULL)
    rels->office_document = g_strdup (part);
  if (type && g_str_has_suffix (type, "/sharedStrings") && rels->shared_strings == NULL)
    rels->shared_strings = g_strdup (part);
  g_hash_table_insert (rels->targets, g_strdup (id), part);
}

static void
rels_clear (Rels *rels)
{
  g_clear_pointer (&rels->targets, g_hash_table_unref);
  g_clear_pointer (&rels->office_document, g_free);
  g_clear_pointer (&rels->shared_strings, g_free);
}

static gboolean
parse_rels (Zip         *zip,
            const char  *part_name,
            const char  *base_dir,
            Rels        *rels,
            GError     **error)
{
  static const GMarkupParser parser = { rels_start, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;

  rels->base_dir = base_dir;
  rels->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!g_hash_table_contains (zip->entries, part_name))
    return TRUE;
  context = g_markup_parse_context_new (&parser, 0, rels, NULL);
  return zip_parse_part (zip, part_name, context, error);
}

/* ------------------------------------------------------------------ workbook.xml */

typedef struct
{
  char     *first_sheet_id;   /* the r:id of the first <sheet>, in the workbook's order */
  gboolean  started;
  gboolean  is_workbook;      /* its root is <workbook>: not a Word document's part */
} Book;

static void
book_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  Book *book = user_data;
  const char *id;

  if (!book->started)
    {
      book->started = TRUE;
      book->is_workbook = g_str_equal (local_name (element), "workbook");
    }
  if (book->first_sheet_id != NULL || !g_str_equal (local_name (element), "sheet"))
    return;
  id = attribute (names, values, "id", TRUE);
  if (id != NULL)
    book->first_sheet_id = g_strdup (id);
}

/* ------------------------------------------------------------------ cell text */

/* A cell's text as the spreadsheet shows it: OOXML writes characters XML cannot
 * hold as _xHHHH_ (Excel's _x000D_ for a carriage return), and line ends inside a
 * cell become LF, as the CSV reader makes them. */
static char *
cell_text (const char *raw,
           gsize       len)
{
  GString *out = g_string_sized_new (len);

  for (gsize i = 0; i < len;)
    {
      if (raw[i] == '_' && i + 7 <= len && raw[i + 1] == 'x' && raw[i + 6] == '_')
        {
          int h[4] = { g_ascii_xdigit_value (raw[i + 2]), g_ascii_xdigit_value (raw[i + 3]), g_ascii_xdigit_value (raw[i + 4]),
                       g_ascii_xdigit_value (raw[i + 5]) };

          if (h[0] >= 0 && h[1] >= 0 && h[2] >= 0 && h[3] >= 0)
            {
              gunichar c = (h[0] << 12) | (h[1] << 8) | (h[2] << 4) | h[3];

              /* Only what text holds: a NUL or a lone surrogate stays as written. */
              if (c != 0 && g_unichar_validate (c))
                {
                  g_string_append_unichar (out, c);
                  i += 7;
                  continue;
                }
            }
        }
      g_string_append_c (out, raw[i]);
      i++;
    }

  /* CRLF and a lone CR become LF. */
  {
    gsize w = 0;

    for (gsize r = 0; r < out->len; r++)
      {
        if (out->str[r] == '\r')
          {
            out->str[w++] = '\n';
            if (r + 1 < out->len && out->str[r + 1] == '\n')
              r++;
          }
        else
          out->str[w++] = out->str[r];
      }
    g_string_truncate (out, w);
  }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ sharedStrings.xml */

typedef struct
{
  const char *name;
  GPtrArray *strings;     /* char * */
  GString   *current;     /* the <si> being read, or NULL */
  gboolean   in_text;     /* inside a <t> that counts */
  guint      phonetic;    /* depth inside <rPh>: ruby, not text */
} Strings;

static void
strings_start (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Strings *s = user_data;
  const char *local = local_name (element);

  if (g_str_equal (local, "si"))
    {
      /* Each costs memory even when empty: no more of them than cells. */
      if (s->strings->len >= FW_XLSX_READ_MAX_CELLS)
        set_too_many_cells (error, s->name);
      else if (s->current == NULL)
        s->current = g_string_new (NULL);
    }
  else if (g_str_equal (local, "rPh"))
    s->phonetic++;
  else if (g_str_equal (local, "t") && s->current != NULL && s->phonetic == 0)
    s->in_text = TRUE;
}

static void
strings_end (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Strings *s = user_data;
  const char *local = local_name (element);

  if (g_str_equal (local, "si") && s->current != NULL)
    {
      g_ptr_array_add (s->strings, cell_text (s->current->str, s->current->len));
      g_string_free (g_steal_pointer (&s->current), TRUE);
    }
  else if (g_str_equal (local, "rPh") && s->phonetic > 0)
    s->phonetic--;
  else if (g_str_equal (local, "t"))
    s->in_text = FALSE;
}

static void
strings_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 len,
              gpointer              user_data,
              GError              **error)
{
  Strings *s = user_data;

  if (s->in_text && s->current != NULL)
    g_string_append_len (s->current, text, len);
}

/* ------------------------------------------------------------------ the sheet */

typedef struct
{
  const char *name;
  GPtrArray  *strings;       /* the shared strings */
  GPtrArray  *records;       /* rows, each a GPtrArray of char * */
  guint64     n_cells;       /* cells made, empty ones before a row's last included */
  gint64      row;           /* 0-based, -1 before the first <row> */
  guint       next_col;      /* where a cell without a reference goes */
  gboolean    in_cell;
  guint       cell_col;
  char       *cell_type;
  GString    *value;
  gboolean    in_value;      /* inside <v>, or a <t> of an inline string */
  gboolean    in_inline;     /* inside <is> */
  guint       phonetic;
} Sheet;

/* "AB12" → column 27 (0-based) and row 11; FALSE for anything else. */
static gboolean
parse_reference (const char *ref,
                 guint      *col,
                 gint64     *row)
{
  guint c = 0, n_letters = 0;
  guint64 r = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p) && n_letters < 4; p++, n_letters++)
    c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (n_letters == 0 || c > FW_XLSX_READ_MAX_COLUMNS)
    return FALSE;
  if (*p == '\0')
    {
      *col = c - 1;
      return TRUE;  /* a column alone: the row is the <row>'s */
    }
  for (guint n = 0; g_ascii_isdigit (*p); p++, n++)
    {
      if (n >= 8)
        return FALSE;
      r = r * 10 + (*p - '0');
    }
  if (*p != '\0' || r == 0 || r > FW_XLSX_READ_MAX_ROWS)
    return FALSE;
  *col = c - 1;
  *row = (gint64) r - 1;
  return TRUE;
}

static gboolean
sheet_place (Sheet    *sheet,
             gint64    row,
             guint     col,
             char     *text,
             GError  **error)
{
  GPtrArray *record;
  guint64 new_rows = row >= sheet->records->len ? row + 1 - sheet->records->len : 0;
  guint64 new_cells;

  /* An empty row costs as much as a cell: it counts as one. */
  record = new_rows ? NULL : g_ptr_array_index (sheet->records, row);
  if (record != NULL && col < record->len)
    {
      /* A cell written twice: the last one wins, as Excel reads it. */
      g_free (record->pdata[col]);
      record->pdata[col] = text;
      return TRUE;
    }
  new_cells = new_rows + col + 1 - (record ? record->len : 0);
  if (sheet->n_cells + new_cells > FW_XLSX_READ_MAX_CELLS)
    {
      g_free (text);
      set_too_many_cells (error, sheet->name);
      return FALSE;
    }
  sheet->n_cells += new_cells;
  while (sheet->records->len <= row)
    g_ptr_array_add (sheet->records, g_ptr_array_new_with_free_func (g_free));
  record = g_ptr_array_index (sheet->records, row);
  while (record->len < col)
    g_ptr_array_add (record, g_strdup (""));
  g_ptr_array_add (record, text);
  return TRUE;
}

static void
sheet_start (GMarkupParseContext  *context,
             const char           *element,
             const char          **names,
             const char          **values,
             gpointer              user_data,
             GError              **error)
{
  Sheet *sheet = user_data;
  const char *local = local_name (element);

  if (g_str_equal (local, "row"))
    {
      const char *r = attribute (names, values, "r", FALSE);

      if (r != NULL)
        {
          char *end = NULL;
          guint64 n = g_ascii_strtoull (r, &end, 10);

          if (end == r || *end != '\0' || n == 0 || n > FW_XLSX_READ_MAX_ROWS)
            {
              set_damaged (error, sheet->name);
              return;
            }
          sheet->row = (gint64) n - 1;
        }
      else if (sheet->row + 1 >= FW_XLSX_READ_MAX_ROWS)
        {
          set_damaged (error, sheet->name);
          return;
        }
      else
        sheet->row++;
      sheet->next_col = 0;
    }
  else if (g_str_equal (local, "c"))
    {
      const char *r = attribute (names, values, "r", FALSE);
      const char *t = attribute (names, values, "t", FALSE);
      gint64 row = sheet->row;

      if (sheet->row < 0)
        sheet->row = row = 0;  /* a cell outside any <row> */
      sheet->cell_col = sheet->next_col;
      if (r != NULL && !parse_reference (r, &sheet->cell_col, &row))
        {
          set_damaged (error, sheet->name);
          return;
        }
      if (sheet->cell_col >= FW_XLSX_READ_MAX_COLUMNS)
        {
          set_damaged (error, sheet->name);
          return;
        }
      sheet->row = row;
      sheet->in_cell = TRUE;
      g_free (sheet->cell_type);
      sheet->cell_type = g_strdup (t ? t : "n");
      g_string_truncate (sheet->value, 0);
    }
  else if (!sheet->in_cell)
    return;
  else if (g_str_equal (local, "v"))
    sheet->in_value = TRUE;
  else if (g_str_equal (local, "is"))
    sheet->in_inline = TRUE;
  else if (g_str_equal (local, "rPh"))
    sheet->phonetic++;
  else if (g_str_equal (local, "t") && sheet->in_inline && sheet->phonetic == 0)
    sheet->in_value = TRUE;
}

static void
sheet_end (GMarkupParseContext  *context,
           const char           *element,
           gpointer              user_data,
           GError              **error)
{
  Sheet *sheet = user_data;
  const char *local = local_name (element);
  char *text;

  if (g_str_equal (local, "v") || g_str_equal (local, "t"))
    sheet->in_value = FALSE;
  else if (g_str_equal (local, "is"))
    sheet->in_inline = FALSE;
  else if (g_str_equal (local, "rPh") && sheet->phonetic > 0)
    sheet->phonetic--;
  if (!g_str_equal (local, "c") || !sheet->in_cell)
    return;

  sheet->in_cell = FALSE;
  sheet->next_col = sheet->cell_col + 1;
  if (g_str_equal (sheet->cell_type, "s"))
    {
      char *end = NULL;
      guint64 index = g_ascii_strtoull (sheet->value->str, &end, 10);

      if (sheet->value->len == 0)
        return;
      if (end == sheet->value->str || *end != '\0' || index >= sheet->strings->len)
        {
          set_damaged (error, sheet->name);
          return;
        }
      text = g_strdup (g_ptr_array_index (sheet->strings, index));
    }
  else if (g_str_equal (sheet->cell_type, "b"))
    text = g_strdup (sheet->value->len == 0 ? "" :
                     g_str_equal (sheet->value->str, "0") ? "FALSE" : "TRUE");
  else
    text = cell_text (sheet->value->str, sheet->value->len);

  /* Empty cells, often only a border or a fill, make nothing. */
  if (*text == '\0')
    {
      g_free (text);
      return;
    }
  sheet_place (sheet, sheet->row, sheet->cell_col, text, error);
}

static void
sheet_text (GMarkupParseContext  *context,
            const char           *text,
            gsize                 len,
            gpointer              user_data,
            GError              **error)
{
  Sheet *sheet = user_data;

  if (sheet->in_cell && sheet->in_value)
    g_string_append_len (sheet->value, text, len);
}

/* ------------------------------------------------------------------ not a workbook */

/* A zip without xl/workbook.xml: name what it is when that is easy. */
static void
set_not_workbook (Zip     *zip,
                  GError **error)
{
  g_autofree char *mimetype = zip_peek_stored (zip, "mimetype");

  if (g_hash_table_contains (zip->entries, "word/document.xml"))
    g_set_error (error, FW_XLSX_READ_ERROR, FW_XLSX_READ_ERROR_NOT_WORKBOOK,
                 _("%s: this is a Word document, not an Excel workbook"), zip->name);
  else if (g_hash_table_contains (zip->entries, "ppt/presentation.xml"))
    g_set_error (error, FW_XLSX_READ_ERROR, FW_XLSX_READ_ERROR_NOT_WORKBOOK,
                 _("%s: this is a PowerPoint presentation, not an Excel workbook"), zip->name);
  else if (g_str_has_prefix (mimetype, "application/vnd.oasis.opendocument.spreadsheet"))
    g_set_error (error, FW_XLSX_READ_ERROR, FW_XLSX_READ_ERROR_NOT_WORKBOOK,
                 _("%s: this is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV "
                   "and import that"), zip->name);
  else if (g_str_has_prefix (mimetype, "application/vnd.oasis.opendocument."))
    g_set_error (error, FW_XLSX_READ_ERROR, FW_XLSX_READ_ERROR_NOT_WORKBOOK,
                 _("%s: this is an OpenDocument file, not an Excel workbook"), zip->name);
  else
    g_set_error (error, FW_XLSX_READ_ERROR, FW_XLSX_READ_ERROR_NOT_WORKBOOK,
                 _("%s: this zip file holds no Excel workbook; save the sheet as .xlsx or "
                   "CSV and import that"), zip->name);
}

/* ------------------------------------------------------------------ reading */

GPtrArray *
fw_xlsx_read_sheet (GBytes      *bytes,
                    const char  *name,
                    guint64      max_unpacked,
                    GError     **error)
{
  static const GMarkupParser book_parser = { book_start, NULL, NULL, NULL, NULL };
  static const GMarkupParser strings_parser = { strings_start, strings_end, strings_text,
                                                NULL, NULL };
  static const GMarkupParser sheet_parser = { sheet_start, sheet_end, sheet_text, NULL, NULL };
  Zip zip = { 0 };
  Rels package = { 0 }, workbook_rels = { 0 };
  Book book = { 0 };
  Strings strings = { 0 };
  Sheet sheet = { 0 };
  g_autofree char *workbook_part = NULL;
  g_autofree char *workbook_dir = NULL;
  g_autofree char *workbook_base = NULL;
  g_autofree char *rels_part = NULL;
  const char *sheet_part;
  GPtrArray *result = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  zip.data = g_bytes_get_data (bytes, &zip.len);
  zip.name = name;
  zip.max_unpacked = max_unpacked;
  zip.entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  strings.strings = g_ptr_array_new_with_free_func (g_free);
  strings.name = name;
  sheet.records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  sheet.value = g_string_new (NULL);
  sheet.row = -1;
  sheet.name = name;
  sheet.strings = strings.strings;

  if (zip.len >= sizeof ole_magic && memcmp (zip.data, ole_magic, sizeof ole_magic) == 0)
    {
      set_encrypted (error, name);
      goto out;
    }
  if (!zip_open (&zip, error))
    goto out;

  /* The package says where its workbook is; Excel and LibreOffice put it at
   * xl/workbook.xml. */
  if (!parse_rels (&zip, "_rels/.rels", "", &package, error))
    goto out;
  workbook_part = g_strdup (package.office_document ? package.office_document
                                                    : "xl/workbook.xml");
  if (!g_hash_table_contains (zip.entries, workbook_part))
    {
      set_not_workbook (&zip, error);
      goto out;
    }
  workbook_dir = g_path_get_dirname (workbook_part);
  if (g_str_equal (workbook_dir, "."))
    workbook_dir[0] = '\0';
  workbook_base = g_path_get_basename (workbook_part);
  rels_part = *workbook_dir ? g_strconcat (workbook_dir, "/_rels/", workbook_base, ".rels", NULL)
                            : g_strconcat ("_rels/", workbook_base, ".rels", NULL);

  {
    g_autoptr(GMarkupParseContext) context =
      g_markup_parse_context_new (&book_parser, 0, &book, NULL);

    if (!zip_parse_part (&zip, workbook_part, context, error))
      goto out;
  }
  if (!book.is_workbook)
    {
      set_not_workbook (&zip, error);
      goto out;
    }
  if (!parse_rels (&zip, rels_part, workbook_dir, &workbook_rels, error))
    goto out;
  sheet_part = book.first_sheet_id
             ? g_hash_table_lookup (workbook_rels.targets, book.first_sheet_id) : NULL;
  if (sheet_part == NULL || !g_hash_table_contains (zip.entries, sheet_part))
    {
      g_set_error (error, FW_XLSX_READ_ERROR, FW_XLSX_READ_ERROR_DAMAGED,
                   _("%s: the workbook has no sheet that Flywheel can find"), name);
      goto out;
    }

  if (workbook_rels.shared_strings != NULL &&
      g_hash_table_contains (zip.entries, workbook_rels.shared_strings))
    {
      g_autoptr(GMarkupParseContext) context =
        g_markup_parse_context_new (&strings_parser, 0, &strings, NULL);

      if (!zip_parse_part (&zip, workbook_rels.shared_strings, context, error))
        goto out;
    }

  {
    g_autoptr(GMarkupParseContext) context =
      g_markup_parse_context_new (&sheet_parser, 0, &sheet, NULL);

    if (!zip_parse_part (&zip, sheet_part, context, error))
      goto out;
  }
  result = g_steal_pointer (&sheet.records);

out:
  g_hash_table_unref (zip.entries);
  rels_clear (&package);
  rels_clear (&workbook_rels);
  g_free (book.first_sheet_id);
  g_ptr_array_unref (strings.strings);
  if (strings.current)
    g_string_free (strings.current, TRUE);
  g_clear_pointer (&sheet.records, g_ptr_array_unref);
  g_string_free (sheet.value, TRUE);
  g_free (sheet.cell_type);
  return result;
}
