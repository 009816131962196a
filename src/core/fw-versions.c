/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <utime.h>

#include <glib/gstdio.h>

#include "fw-merge.h"
#include "fw-versions.h"
#include "fw-workbook-io.h"

char *
fw_versions_get_dir (void)
{
  const char *override = g_getenv ("FLYWHEEL_VERSIONS_DIR");

  if (override && *override)
    return g_strdup (override);
  return g_build_filename (g_get_user_data_dir (), "flywheel", "versions", NULL);
}

/* The identity is a UUID; anything else is named by its checksum, never a path. */
static char *
dup_folder (const char *identity)
{
  g_autofree char *dir = fw_versions_get_dir ();
  g_autofree char *name = NULL;

  if (identity == NULL || *identity == '\0')
    return NULL;
  name = g_uuid_string_is_valid (identity)
         ? g_ascii_strdown (identity, -1)
         : g_compute_checksum_for_string (G_CHECKSUM_SHA256, identity, -1);
  return g_build_filename (dir, name, NULL);
}

static gboolean
is_version_name (const char *name)
{
  gsize length = strlen (name);

  if (length != 64 + strlen (".flywheel") || !g_str_has_suffix (name, ".flywheel"))
    return FALSE;
  for (gsize i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (name[i]))
      return FALSE;
  return TRUE;
}

typedef struct
{
  char   *path;
  gint64  mtime;
} Version;

static void
version_free (gpointer data)
{
  Version *version = data;

  g_free (version->path);
  g_free (version);
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const Version *x = *(const Version * const *) a;
  const Version *y = *(const Version * const *) b;

  if (x->mtime != y->mtime)
    return x->mtime < y->mtime ? 1 : -1;
  return g_strcmp0 (x->path, y->path);
}

static GPtrArray *
list_versions (const char *folder)
{
  GPtrArray *versions = g_ptr_array_new_with_free_func (version_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf buf;
      Version *version;

      if (!is_version_name (name))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_stat (path, &buf) != 0)
        continue;
      version = g_new0 (Version, 1);
      version->path = g_steal_pointer (&path);
      /* To the nanosecond: saves a second apart or less keep their order. */
      version->mtime = (gint64) buf.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                       buf.st_mtim.tv_nsec;
      g_ptr_array_add (versions, version);
    }
  g_ptr_array_sort (versions, newest_first);
  return versions;
}

static gboolean
is_checksum (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (gsize i = 0; i < 64; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* The versions @checksum was made from, as recorded beside it (NULL: none). */
static GStrv
read_parents (const char *folder,
              const char *checksum)
{
  g_autofree char *path = fw_file_build_name (folder, checksum, ".parents");
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (is_checksum (lines[i]))
      g_strv_builder_add (builder, lines[i]);
  return g_strv_builder_end (builder);
}

static void
add_parents (const char         *folder,
             const char         *checksum,
             const char * const *parents)
{
  g_auto(GStrv) known = read_parents (folder, checksum);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *path = NULL;
  gboolean added = FALSE;

  for (guint i = 0; known && known[i]; i++)
    g_string_append_printf (text, "%s\n", known[i]);
  for (guint i = 0; parents && parents[i]; i++)
    if (is_checksum (parents[i]) && !g_str_equal (parents[i], checksum) &&
        !(known && g_strv_contains ((const char * const *) known, parents[i])))
      {
        g_string_append_printf (text, "%s\n", parents[i]);
        added = TRUE;
      }
  if (!added)
    return;
  path = fw_file_build_name (folder, checksum, ".parents");
  g_file_set_contents_full (path, text->str, text->len, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                            NULL);
}

char *
fw_versions_record (const char         *identity,
                    GBytes             *bytes,
                    const char * const *parents)
{
  g_autofree char *folder = dup_folder (identity);
  g_autofree char *checksum = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (folder == NULL || size > FW_VERSIONS_MAX_SIZE)
    return NULL;
  checksum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, size);
  path = fw_file_build_name (folder, checksum, ".flywheel");
  if (g_mkdir_with_parents (folder, 0700) != 0)
    return NULL;
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Seen again: it counts as new, so pruning keeps it. */
      g_utime (path, NULL);
    }
  else if (!g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                      NULL))
    return NULL;
  add_parents (folder, checksum, parents);

  versions = list_versions (folder);
  for (guint i = FW_VERSIONS_KEPT; i < versions->len; i++)
    {
      const char *old = ((Version *) versions->pdata[i])->path;
      g_autofree char *stem = g_strndup (old, strlen (old) - strlen (".flywheel"));
      g_autofree char *sidecar = g_strconcat (stem, ".parents", NULL);

      g_unlink (old);
      g_unlink (sidecar);
    }
  return g_steal_pointer (&checksum);
}

static FwWorkbook *
load_version (const char   *path,
              GCancellable *cancellable)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return fw_workbook_load (file, cancellable, NULL);
}

static guint
distance (FwWorkbook *a,
          FwWorkbook *b)
{
  g_autoptr(GPtrArray) changes = fw_diff (a, b);

  return changes->len;
}

FwWorkbook *
fw_versions_find_base (const char         *identity,
                       const char * const *ours,
                       FwWorkbook         *theirs,
                       GCancellable       *cancellable)
{
  g_autofree char *folder = dup_folder (identity);
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(FwWorkbook) best = NULL;
  guint best_distance = G_MAXUINT;
  gboolean best_has_missing_parent = FALSE;

  g_return_val_if_fail (FW_IS_WORKBOOK (theirs), NULL);

  if (folder == NULL || ours == NULL)
    return NULL;

  /* This side's own history, nearest first: a copy was made from one of them. */
  queue = g_ptr_array_new_with_free_func (g_free);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; ours[i]; i++)
    if (is_checksum (ours[i]) && !g_hash_table_contains (seen, ours[i]))
      {
        char *checksum = g_strdup (ours[i]);

        g_ptr_array_add (queue, checksum);
        g_hash_table_add (seen, checksum);
      }
  for (guint i = 0; i < queue->len && i < 4 * FW_VERSIONS_KEPT; i++)
    {
      const char *checksum = queue->pdata[i];
      g_autofree char *path = fw_file_build_name (folder, checksum, ".flywheel");
      g_auto(GStrv) parents = read_parents (folder, checksum);
      g_autoptr(FwWorkbook) candidate = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        return NULL;
      for (guint p = 0; parents && parents[p]; p++)
        if (!g_hash_table_contains (seen, parents[p]))
          {
            char *parent = g_strdup (parents[p]);

            g_ptr_array_add (queue, parent);
            g_hash_table_add (seen, parent);
          }
      candidate = load_version (path, cancellable);
      if (candidate)
        {
          guint d = distance (candidate, theirs);

          /* Of two as near, the older (further back): with it, what this side
           * changed between them and the copy changed too is a conflict; with the
           * newer it would look like the copy's change alone. */
          if (d <= best_distance)
            {
              g_set_object (&best, candidate);
              best_distance = d;
              /* A parent of it no longer kept (pruned) could have been the copy's
               * base, this one a later version: then this side's edits between the
               * two would look like theirs to undo. Two-way is safe then: every
               * difference is a choice. */
              best_has_missing_parent = FALSE;
              for (guint p = 0; parents && parents[p]; p++)
                {
                  g_autofree char *parent_path =
                    fw_file_build_name (folder, parents[p], ".flywheel");

                  if (!g_file_test (parent_path, G_FILE_TEST_EXISTS))
                    best_has_missing_parent = TRUE;
                }
            }
        }
    }
  if (best_has_missing_parent)
    return NULL;
  return g_steal_pointer (&best);
}

gboolean
fw_versions_is_conflicted_copy (const char *name,
                                const char *original)
{
  static const char *markers[] = { "conflicted copy", ".sync-conflict-",
                                   "(conflict" };
  g_autofree char *stem = NULL;
  g_autofree char *middle = NULL;
  g_autofree char *folded = NULL;
  gsize stem_length, name_length;

  g_return_val_if_fail (name != NULL && original != NULL, FALSE);

  if (!g_str_has_suffix (original, ".flywheel") || !g_str_has_suffix (name, ".flywheel") ||
      g_str_equal (name, original))
    return FALSE;
  stem_length = strlen (original) - strlen (".flywheel");
  name_length = strlen (name) - strlen (".flywheel");
  stem = g_strndup (original, stem_length);
  if (name_length <= stem_length || !g_str_has_prefix (name, stem))
    return FALSE;
  middle = g_strndup (name + stem_length, name_length - stem_length);
  folded = g_utf8_casefold (middle, -1);
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (strstr (folded, markers[i]) != NULL)
      return TRUE;
  return FALSE;
}

static int
by_name (gconstpointer a,
         gconstpointer b)
{
  g_autofree char *x = g_file_get_basename (*(GFile * const *) a);
  g_autofree char *y = g_file_get_basename (*(GFile * const *) b);

  return g_strcmp0 (x, y);
}

GPtrArray *
fw_versions_find_conflicted_copies (GFile *file)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *original = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (G_IS_FILE (file), copies);

  parent = g_file_get_parent (file);
  original = g_file_get_basename (file);
  folder = parent ? g_file_get_path (parent) : NULL;
  if (folder == NULL || original == NULL)
    return copies;
  dir = g_dir_open (folder, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)) != NULL)
    if (fw_versions_is_conflicted_copy (name, original))
      g_ptr_array_add (copies, g_file_get_child (parent, name));
  g_ptr_array_sort (copies, by_name);
  return copies;
}
