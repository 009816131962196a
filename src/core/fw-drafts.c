/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include <errno.h>
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

  return fw_file_build_name (dir, id, suffix);
}

/* Plain file work, safe on any thread: the folder is decided by the caller. */
static gboolean
write_files (const char  *dir,
             const char  *id,
             GBytes      *bytes,
             const char  *original_uri,
             GError     **error)
{
  g_autofree char *origin_path = fw_file_build_name (dir, id, ".origin");
  g_autofree char *path = fw_file_build_name (dir, id, ".flywheel");
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *origin = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not make the drafts folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  if (original_uri)
    g_key_file_set_string (keyfile, "draft", "file", original_uri);
  origin = g_key_file_to_data (keyfile, NULL, NULL);

  /* g_file_set_contents writes a temporary file and renames it: atomic. */
  return g_file_set_contents (origin_path, origin, -1, error) &&
         g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                              (gssize) g_bytes_get_size (bytes), error);
}

static void
discard_files (const char *dir,
               const char *id)
{
  g_autofree char *path = fw_file_build_name (dir, id, ".flywheel");
  g_autofree char *origin_path = fw_file_build_name (dir, id, ".origin");

  g_unlink (path);
  g_unlink (origin_path);
}

/* Writes and discards queued for the drafts thread: one thread, so they happen in
 * the order they were asked for, and a discard is never overtaken by an older write. */

typedef struct
{
  char   *dir;
  char   *id;
  GBytes *bytes;         /* NULL: discard */
  char   *original_uri;
  GTask  *task;          /* for a write */
} Job;

static GMutex jobs_lock;
static GCond jobs_done;
static guint jobs_pending;

static void
job_free (Job *job)
{
  g_free (job->dir);
  g_free (job->id);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->original_uri);
  g_clear_object (&job->task);
  g_free (job);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;

  if (job->bytes == NULL)
    discard_files (job->dir, job->id);
  else
    {
      GError *error = NULL;

      if (write_files (job->dir, job->id, job->bytes, job->original_uri, &error))
        g_task_return_boolean (job->task, TRUE);
      else
        g_task_return_error (job->task, error);
    }
  job_free (job);

  g_mutex_lock (&jobs_lock);
  if (--jobs_pending == 0)
    g_cond_broadcast (&jobs_done);
  g_mutex_unlock (&jobs_lock);
}

static void
queue_job (Job *job)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (run_job, NULL, 1, FALSE, NULL));

  g_mutex_lock (&jobs_lock);
  jobs_pending++;
  g_mutex_unlock (&jobs_lock);
  g_thread_pool_push (pool, job, NULL);
}

void
fw_draft_write_async (const char          *id,
                      FwWorkbook          *workbook,
                      GFile               *original,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  Job *job;

  g_return_if_fail (id_is_valid (id));
  g_return_if_fail (FW_IS_WORKBOOK (workbook));

  job = g_new0 (Job, 1);
  job->dir = fw_drafts_get_dir ();
  job->id = g_strdup (id);
  job->bytes = fw_workbook_to_bytes (workbook);
  job->original_uri = original ? g_file_get_uri (original) : NULL;
  job->task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (job->task, fw_draft_write_async);
  queue_job (job);
}

gboolean
fw_draft_write_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
fw_draft_discard_later (const char *id)
{
  Job *job;

  if (!id_is_valid (id))
    return;
  job = g_new0 (Job, 1);
  job->dir = fw_drafts_get_dir ();
  job->id = g_strdup (id);
  queue_job (job);
}

void
fw_drafts_wait (void)
{
  g_mutex_lock (&jobs_lock);
  while (jobs_pending > 0)
    g_cond_wait (&jobs_done, &jobs_lock);
  g_mutex_unlock (&jobs_lock);
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
  g_autofree char *dir = NULL;

  if (!id_is_valid (id))
    return;
  dir = fw_drafts_get_dir ();
  discard_files (dir, id);
}
