/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fw-drafts.h"
#include "fw-workbook-io.h"

void
fw_draft_info_free (FwDraftInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->path);
  g_free (info->original_uri);
  g_free (info);
}

char *
fw_drafts_get_dir (void)
{
  const char *override = g_getenv ("FLYWHEEL_DRAFTS_DIR");

  if (override && *override)
    return g_strdup (override);
  return g_build_filename (g_get_user_state_dir (), "flywheel", "drafts", NULL);
}

/* Ids come from g_uuid_string_random(); anything else could name a path. */
static gboolean
id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isxdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static char *
draft_path (const char *id,
            const char *suffix)
{
  g_autofree char *dir = fw_drafts_get_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

gboolean
fw_draft_write (const char  *id,
                FwWorkbook  *workbook,
                GFile       *original,
                GError     **error)
{
  g_autofree char *dir = fw_drafts_get_dir ();
  g_autofree char *path = NULL;
  g_autofree char *origin_path = NULL;
  g_autofree char *origin = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (id_is_valid (id), FALSE);
  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not make the drafts folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  if (original)
    {
      g_autofree char *uri = g_file_get_uri (original);
      g_key_file_set_string (keyfile, "draft", "file", uri);
    }
  origin = g_key_file_to_data (keyfile, NULL, NULL);
  origin_path = draft_path (id, ".origin");
  path = draft_path (id, ".flywheel");
  bytes = fw_workbook_to_bytes (workbook);

  /* g_file_set_contents writes a temporary file and renames it: atomic. */
  return g_file_set_contents (origin_path, origin, -1, error) &&
         g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                              (gssize) g_bytes_get_size (bytes), error);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const FwDraftInfo *da = *(FwDraftInfo * const *) a;
  const FwDraftInfo *db = *(FwDraftInfo * const *) b;

  return (da->modified < db->modified) - (da->modified > db->modified);
}

GPtrArray *
fw_drafts_list (void)
{
  g_autofree char *dirname = fw_drafts_get_dir ();
  g_autoptr(GDir) dir = g_dir_open (dirname, 0, NULL);
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_draft_info_free);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *id = NULL;
      g_autofree char *origin_path = NULL;
      g_autoptr(GKeyFile) keyfile = g_key_file_new ();
      GStatBuf st;
      FwDraftInfo *info;

      if (!g_str_has_suffix (name, ".flywheel"))
        continue;
      id = g_strndup (name, strlen (name) - strlen (".flywheel"));
      if (!id_is_valid (id))
        continue;

      info = g_new0 (FwDraftInfo, 1);
      info->id = g_steal_pointer (&id);
      info->path = g_build_filename (dirname, name, NULL);
      if (g_stat (info->path, &st) == 0)
        info->modified = st.st_mtime;
      origin_path = draft_path (info->id, ".origin");
      if (g_key_file_load_from_file (keyfile, origin_path, G_KEY_FILE_NONE, NULL))
        info->original_uri = g_key_file_get_string (keyfile, "draft", "file", NULL);
      g_ptr_array_add (drafts, info);
    }

  g_ptr_array_sort (drafts, compare_newest_first);
  return drafts;
}

FwWorkbook *
fw_draft_load (const char  *id,
               GFile      **original,
               GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *origin_path = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (id_is_valid (id), NULL);

  path = draft_path (id, ".flywheel");
  origin_path = draft_path (id, ".origin");
  file = g_file_new_for_path (path);
  if (original)
    {
      *original = NULL;
      if (g_key_file_load_from_file (keyfile, origin_path, G_KEY_FILE_NONE, NULL) &&
          (uri = g_key_file_get_string (keyfile, "draft", "file", NULL)))
        *original = g_file_new_for_uri (uri);
    }
  return fw_workbook_load (file, NULL, error);
}

void
fw_draft_discard (const char *id)
{
  g_autofree char *path = NULL;
  g_autofree char *origin_path = NULL;

  if (!id_is_valid (id))
    return;
  path = draft_path (id, ".flywheel");
  origin_path = draft_path (id, ".origin");
  g_unlink (path);
  g_unlink (origin_path);
}
