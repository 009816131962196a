/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include <string.h>

#include "fw-json.h"
#include "fw-workbook-io.h"
#include "fw-workbook-io-private.h"

G_DEFINE_QUARK (fw-workbook-error-quark, fw_workbook_error)

static gboolean
is_known (const char * const *known,
          const char         *name)
{
  for (guint i = 0; known[i]; i++)
    if (g_str_equal (known[i], name))
      return TRUE;
  return FALSE;
}

gboolean
io_in_list (const char    *name,
            gconstpointer  list)
{
  return is_known (list, name);
}

gboolean
io_is_condition_id (const char    *name,
                    gconstpointer  data)
{
  FwCondition c;

  return fw_condition_from_id (name, &c);
}

gboolean
io_is_question_id (const char    *name,
                   gconstpointer  data)
{
  FwQuestion q;

  return fw_question_from_id (name, &q);
}


/* Counts nesting without parsing, so that too deep a file gets a message naming the
 * limit (the parser recurses once per level and stops at a deeper one only to keep
 * its stack safe). Returns the offset where the limit is passed, or -1.
 * Strings are skipped with memchr(): this pass and the UTF-8 check ran at a sixth of
 * the parse time on a large workbook, byte by byte. */
static gssize
find_too_deep (const char *data,
               gsize       length)
{
  const char *p = data, *end = data + length;
  guint depth = 0;

  while (p < end)
    {
      char c = *p;

      if (c == '"')
        {
          /* The closing quote: one not escaped by an odd run of backslashes. */
          for (;;)
            {
              const char *q = memchr (p + 1, '"', (gsize) (end - p - 1));
              const char *b;

              if (q == NULL)
                return -1;  /* unclosed: the parser says where */
              for (b = q; b > p + 1 && b[-1] == '\\'; b--)
                ;
              p = q;
              if ((q - b) % 2 == 0)
                break;
            }
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > FW_WORKBOOK_MAX_DEPTH)
            return (gssize) (p - data);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
      p++;
    }
  return -1;
}

/* g_utf8_validate_len() with a fast path for ASCII, most of a workbook: each run of
 * non-ASCII bytes is checked on its own, which gives the same answer and the same
 * end, since no multi-byte sequence contains an ASCII byte. */
static gboolean
validate_utf8 (const char  *data,
               gsize        length,
               const char **end)
{
  const guchar *p = (const guchar *) data, *stop = p + length;

  while (p < stop)
    {
      const guchar *run;
      const char *run_end;

      while (p < stop && *p != 0 && *p < 0x80)
        p++;
      if (p == stop)
        break;
      if (*p == 0)
        {
          *end = (const char *) p;
          return FALSE;
        }
      for (run = p; p < stop && *p >= 0x80; p++)
        ;
      if (!g_utf8_validate_len ((const char *) run, (gsize) (p - run), &run_end))
        {
          *end = run_end;
          return FALSE;
        }
    }
  *end = (const char *) stop;
  return TRUE;
}

static void
line_and_column (const char *data,
                 gsize       offset,
                 guint      *line,
                 guint      *column)
{
  const char *start = data;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      {
        (*line)++;
        start = data + i + 1;
      }
  *column = (guint) (data + offset - start) + 1;
}

char *
fw_file_build_name (const char *dir,
                    const char *stem,
                    const char *suffix)
{
  g_autofree char *name = g_strconcat (stem, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

char *
fw_file_dup_too_large (guint64 max_size)
{
  /* Binary units (MiB), as the limits are. */
  g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

  /* TRANSLATORS: after "plan.flywheel: ": "larger than 64.0 MiB, too large to read";
   * the size comes formatted from GLib */
  return g_strdup_printf (_("larger than %s, too large to read"), limit);
}

static void
fail_too_large (Loader   *loader,
                GError  **error)
{
  g_autofree char *what = fw_file_dup_too_large (FW_WORKBOOK_MAX_SIZE);

  io_fail (loader, error, FW_WORKBOOK_ERROR_TOO_LARGE, what);
}

static gboolean
check_bytes (Loader      *loader,
             const char  *data,
             gsize        length,
             GError     **error)
{
  g_autofree char *what = NULL;
  const char *end;
  gssize deep;
  guint line, column;

  if (length > FW_WORKBOOK_MAX_SIZE)
    {
      fail_too_large (loader, error);
      return FALSE;
    }

  if (!validate_utf8 (data, length, &end))
    {
      line_and_column (data, end - data, &line, &column);
      /* TRANSLATORS: the file has bytes that are not UTF-8 text (or NUL bytes) */
      what = g_strdup_printf (_("line %u, column %u: not UTF-8 text"), line, column);
      io_fail (loader, error, FW_WORKBOOK_ERROR_NOT_UTF8, what);
      return FALSE;
    }

  deep = find_too_deep (data, length);
  if (deep >= 0)
    {
      line_and_column (data, deep, &line, &column);
      what = g_strdup_printf (_("line %u, column %u: nested more than %u levels deep"),
                              line, column, FW_WORKBOOK_MAX_DEPTH);
      io_fail (loader, error, FW_WORKBOOK_ERROR_TOO_DEEP, what);
      return FALSE;
    }
  return TRUE;
}

/* The parser says "<data>:LINE:COLUMN: what is wrong" (as JsonParser does); keep its
 * words, use our name. */
static void
fail_syntax (Loader     *loader,
             GError     *parse_error,
             GError    **error)
{
  const char *message = parse_error->message;
  g_autofree char *what = NULL;
  char *p;
  guint64 line, column;

  if (g_str_has_prefix (message, "<data>:"))
    {
      message += strlen ("<data>:");
      line = g_ascii_strtoull (message, &p, 10);
      if (*p == ':')
        {
          column = g_ascii_strtoull (p + 1, &p, 10);
          if (g_str_has_prefix (p, ": "))
            {
              what = g_strdup_printf (_("line %u, column %u: not valid JSON: %s"),
                                      (guint) line, (guint) column, p + 2);
              io_fail (loader, error, FW_WORKBOOK_ERROR_SYNTAX, what);
              return;
            }
        }
    }
  what = g_strdup_printf (_("not valid JSON: %s"), parse_error->message);
  io_fail (loader, error, FW_WORKBOOK_ERROR_SYNTAX, what);
}

static gboolean
load_header (Loader             *loader,
             const FwJsonValue  *root,
             GError            **error)
{
  const FwJsonValue *object = root;
  const FwJsonValue *node;
  gint64 version;
  gsize len;

  if (root == NULL)
    {
      io_fail (loader, error, FW_WORKBOOK_ERROR_NOT_WORKBOOK,
            _("the file is empty, not a Flywheel workbook"));
      return FALSE;
    }
  if (root->type != FW_JSON_OBJECT)
    {
      /* TRANSLATORS: %s is "an array", "a string", … */
      g_autofree char *what = g_strdup_printf (_("not a Flywheel workbook: expected a JSON "
                                                 "object, found %s"), io_node_kind (root));
      io_fail (loader, error, FW_WORKBOOK_ERROR_NOT_WORKBOOK, what);
      return FALSE;
    }

  node = fw_json_object_get (object, "format");
  if (node == NULL || node->type != FW_JSON_STRING ||
      !g_str_equal (node->string, FW_WORKBOOK_FORMAT))
    {
      len = io_place_push (loader, "format");
      io_fail (loader, error, FW_WORKBOOK_ERROR_NOT_WORKBOOK,
            node == NULL ? _("missing, so this is not a Flywheel workbook")
                         : _("not “flywheel-workbook”, so this is not a Flywheel workbook"));
      io_place_pop (loader, len);
      return FALSE;
    }

  node = fw_json_object_get (object, "version");
  len = io_place_push (loader, "version");
  if (node == NULL)
    {
      io_fail (loader, error, FW_WORKBOOK_ERROR_INVALID,
            _("missing; a workbook must say which format version it uses"));
      return FALSE;
    }
  if (node->type != FW_JSON_INTEGER)
    return io_fail_type (loader, error, NULL, _("an integer"), node);
  version = node->integer;
  if (version > FW_WORKBOOK_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);
      g_autofree char *what =
        g_strdup_printf (_("the file was written by a newer Flywheel (format version %s); "
                           "this version reads version %d"),
                         number, FW_WORKBOOK_VERSION);
      io_fail (loader, error, FW_WORKBOOK_ERROR_NEWER_VERSION, what);
      return FALSE;
    }
  if (version < 1)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);
      g_autofree char *what = g_strdup_printf (_("expected %d, found %s"),
                                               FW_WORKBOOK_VERSION, number);
      io_fail (loader, error, FW_WORKBOOK_ERROR_INVALID, what);
      return FALSE;
    }
  io_place_pop (loader, len);
  return TRUE;
}

static FwWorkbook *
load_root (Loader             *loader,
           const FwJsonValue  *root,
           GError            **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) ideas = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) member_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonObject) extra = NULL;
  const char *texts[FW_N_WORKBOOK_TEXTS];
  const char *id = NULL;
  g_autoptr(GPtrArray) made_ids = NULL;
  FwWorkbook *workbook;
  const FwJsonValue *object = root;
  const FwJsonValue *array;

  if (!load_header (loader, root, error))
    return NULL;

  for (guint i = 0; i < FW_N_WORKBOOK_TEXTS; i++)
    {
      texts[i] = "";
      if (!io_read_string (loader, object, workbook_text_members[i], &texts[i], error))
        return NULL;
    }
  if (!io_read_string (loader, object, "id", &id, error))
    return NULL;
  /* Items without an id: the same one each time the file is read, so two reads
   * (the versions a diff or a merge compares) agree on which is which. */
  loader->id_seed = id && *id ? id : (*texts[FW_WORKBOOK_CREATED] ? texts[FW_WORKBOOK_CREATED]
                                                                   : NULL);
  made_ids = g_ptr_array_new_with_free_func (g_free);
  loader->made_ids = made_ids;

  /* The team first: ideas' assessments name its members. */
  loader->members = member_ids;
  if (!io_read_array (loader, object, "members", &array, error))
    return NULL;
  for (guint i = 0; array && i < array->n; i++)
    {
      gsize len = io_place_push (loader, "members");
      FwMember *item;

      io_place_push_index (loader, i);
      item = io_load_member (loader, &array->elements[i], i, error);
      if (item == NULL)
        return NULL;
      g_ptr_array_add (members, item);
      io_place_pop (loader, len);
    }

  if (!io_read_array (loader, object, "cases", &array, error))
    return NULL;
  for (guint i = 0; array && i < array->n; i++)
    {
      gsize len = io_place_push (loader, "cases");
      FwCase *item;

      io_place_push_index (loader, i);
      item = io_load_case (loader, &array->elements[i], seen, i, error);
      if (item == NULL)
        return NULL;
      g_ptr_array_add (cases, item);
      io_place_pop (loader, len);
    }

  g_hash_table_remove_all (seen);
  if (!io_read_array (loader, object, "ideas", &array, error))
    return NULL;
  for (guint i = 0; array && i < array->n; i++)
    {
      gsize len = io_place_push (loader, "ideas");
      FwIdea *item;

      io_place_push_index (loader, i);
      item = io_load_idea (loader, &array->elements[i], seen, i, error);
      if (item == NULL)
        return NULL;
      g_ptr_array_add (ideas, item);
      io_place_pop (loader, len);
    }

  extra = io_unknown_members (object, top_members);

  workbook = fw_workbook_new ();
  for (guint i = 0; i < FW_N_WORKBOOK_TEXTS; i++)
    fw_workbook_set_text (workbook, i, texts[i]);
  fw_workbook_set_id (workbook, id);
  for (guint i = 0; i < members->len; i++)
    fw_workbook_append_member (workbook, g_ptr_array_index (members, i));
  fw_workbook_set_extra (workbook, extra);
  fw_workbook_splice (workbook, (FwCase **) cases->pdata, cases->len,
                      (FwIdea **) ideas->pdata, ideas->len);
  return workbook;
}

FwWorkbook *
fw_workbook_load_from_data (const char  *data,
                            gsize        length,
                            const char  *name,
                            GError     **error)
{
  g_autoptr(GString) place = g_string_new (NULL);
  g_autoptr(GError) parse_error = NULL;
  Loader loader = { name ? name : _("workbook"), place };
  g_autoptr(FwJsonDocument) document = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_bytes (&loader, data ? data : "", length, error))
    return NULL;

  /* Editors on some systems add a byte-order mark; it carries no meaning in UTF-8. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  document = fw_json_parse (data ? data : "", length, &parse_error);
  if (document == NULL && parse_error != NULL)
    {
      fail_syntax (&loader, parse_error, error);
      return NULL;
    }
  return load_root (&loader, document ? fw_json_document_get_root (document) : NULL, error);
}

char *
io_file_display_name (GFile *file)
{
  const char *path = g_file_peek_path (file);

  return path ? g_strdup (path) : g_file_get_parse_name (file);
}

void
fw_file_error_set (GError       **error,
                   const GError  *io_error,
                   const char    *name,
                   gboolean       saving)
{
  int code;

  g_return_if_fail (io_error != NULL);

  /* g_file_set_contents() reports in G_FILE_ERROR, about its temporary file. */
  if (io_error->domain == G_FILE_ERROR)
    code = g_io_error_from_file_error (io_error->code);
  else if (io_error->domain == G_IO_ERROR)
    code = io_error->code;
  else
    {
      g_set_error (error, io_error->domain, io_error->code, "%s: %s", name, io_error->message);
      return;
    }

  switch (code)
    {
    case G_IO_ERROR_NOT_FOUND:
      g_set_error (error, G_IO_ERROR, code, "%s: %s", name,
                   saving ? _("the folder does not exist") : _("no such file"));
      break;
    case G_IO_ERROR_PERMISSION_DENIED:
    case G_IO_ERROR_READ_ONLY:
      g_set_error (error, G_IO_ERROR, code, "%s: %s", name,
                   saving ? _("permission denied (the file or its folder is read-only)")
                          : _("permission denied"));
      break;
    case G_IO_ERROR_CANT_CREATE_BACKUP:
      g_set_error (error, G_IO_ERROR, code, "%s: %s", name,
                   _("could not make the backup copy (is the folder read-only?); "
                     "the file was not changed"));
      break;
    case G_IO_ERROR_IS_DIRECTORY:
      g_set_error (error, G_IO_ERROR, code, "%s: %s", name,
                   saving ? _("is a folder; give the name of a file to write")
                          : _("is a folder, not a file"));
      break;
    case G_IO_ERROR_NOT_DIRECTORY:
      g_set_error (error, G_IO_ERROR, code, "%s: %s", name,
                   _("part of the path is a file, not a folder"));
      break;
    case G_IO_ERROR_NO_SPACE:
      g_set_error (error, G_IO_ERROR, code, "%s: %s", name, _("the disk is full"));
      break;
    case G_IO_ERROR_WRONG_ETAG:
      g_set_error (error, G_IO_ERROR, code, "%s: %s", name,
                   _("the file was changed by another program since it was opened"));
      break;
    default:
      /* GFileError messages name the temporary file: say what failed instead. */
      if (io_error->domain == G_FILE_ERROR)
        g_set_error (error, G_IO_ERROR, code, "%s: %s", name,
                     saving ? _("could not be written") : _("could not be read"));
      else
        g_set_error (error, G_IO_ERROR, code, "%s: %s", name, io_error->message);
      break;
    }
}

FwWorkbook *
fw_workbook_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return fw_workbook_load_full (file, NULL, NULL, cancellable, NULL, error);
}

GBytes *
fw_file_read_checked (GFile         *file,
                      const char    *name,
                      guint64        max_size,
                      GQuark         domain,
                      int            too_large_code,
                      char         **etag,
                      gboolean      *writable,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) io_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE ","
                            G_FILE_ATTRIBUTE_ETAG_VALUE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &io_error);
  if (info == NULL)
    {
      fw_file_error_set (error, io_error, name, FALSE);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GError) folder = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "");

      fw_file_error_set (error, folder, name, FALSE);
      return NULL;
    }
  /* A device or a pipe could be endless: only regular files are read. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "%s: %s", name,
                   _("not a regular file"));
      return NULL;
    }

  /* Refused before reading, so a huge file costs nothing; and again after, since
   * the file may have grown since the query. */
  if ((guint64) g_file_info_get_size (info) <= max_size)
    {
      /* A local file in one read of its size (the stream reads 8 KiB at a time,
       * growing the buffer as it goes: thousands of reads for a large workbook). */
      if (g_file_peek_path (file) != NULL)
        {
          if (!g_file_get_contents (g_file_peek_path (file), &contents, &length, &io_error))
            {
              fw_file_error_set (error, io_error, name, FALSE);
              return NULL;
            }
          /* The tag from before the read: a change made meanwhile is then seen as
           * one when saving over it, never taken for what was read. */
          if (etag)
            *etag = g_strdup (g_file_info_get_etag (info));
        }
      else if (!g_file_load_contents (file, cancellable, &contents, &length, etag, &io_error))
        {
          fw_file_error_set (error, io_error, name, FALSE);
          return NULL;
        }
    }
  if ((guint64) g_file_info_get_size (info) > max_size || length > max_size)
    {
      g_autofree char *what = fw_file_dup_too_large (max_size);

      if (etag)
        g_clear_pointer (etag, g_free);
      g_set_error (error, domain, too_large_code, "%s: %s", name, what);
      return NULL;
    }
  if (writable)
    *writable = !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) ||
                g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE);
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

FwWorkbook *
fw_workbook_load_full (GFile         *file,
                       char         **etag,
                       gboolean      *writable,
                       GCancellable  *cancellable,
                       GBytes       **bytes,
                       GError       **error)
{
  FwWorkbook *workbook;
  g_autofree char *name = NULL;
  g_autoptr(GBytes) contents = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = io_file_display_name (file);
  contents = fw_file_read_checked (file, name, FW_WORKBOOK_MAX_SIZE, FW_WORKBOOK_ERROR,
                                   FW_WORKBOOK_ERROR_TOO_LARGE, etag, writable, cancellable,
                                   error);
  if (contents == NULL)
    return NULL;
  data = g_bytes_get_data (contents, &length);
  workbook = fw_workbook_load_from_data (data ? data : "", length, name, error);
  if (workbook == NULL && etag)
    g_clear_pointer (etag, g_free);
  if (workbook && bytes)
    *bytes = g_steal_pointer (&contents);
  return workbook;
}
