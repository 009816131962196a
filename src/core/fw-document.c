/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-document-private.h"
#include "fw-gettext.h"
#include "fw-drafts.h"
#include "fw-versions.h"
#include "fw-workbook-io.h"

/* A draft follows a change within this many milliseconds; steady typing is
 * not held back by it (the timer is not pushed back by further changes). */
#define DRAFT_DELAY_MS 1000

G_DEFINE_FINAL_TYPE (FwDocument, fw_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WORKBOOK,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_READ_ONLY,
  PROP_BUSY,
  N_PROPS
};

enum {
  CHANGED_ON_DISK,
  DRAFT_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void watch_file (FwDocument *self);

static void
set_modified (FwDocument *self,
              gboolean    modified)
{
  modified = !!modified;
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
set_read_only (FwDocument *self,
               gboolean    read_only)
{
  read_only = !!read_only;
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
set_file (FwDocument *self,
          GFile      *file)
{
  if (self->file == file || (self->file && file && g_file_equal (self->file, file)))
    return;
  g_set_object (&self->file, file);
  watch_file (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
set_busy (FwDocument *self,
          gboolean    busy)
{
  gboolean was = self->busy > 0;

  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  if (was != (self->busy > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ------------------------------------------------------------------ drafts */

static void
draft_written_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(FwDocument) self = user_data;
  g_autoptr(GError) error = NULL;

  self->draft_writing = FALSE;
  if (!fw_draft_write_finish (result, &error) && !self->draft_failed)
    {
      self->draft_failed = TRUE;
      g_signal_emit (self, signals[DRAFT_FAILED], 0, error->message);
    }
  if (self->draft_again)
    document_write_draft (self);
}

void
document_write_draft (FwDocument *self)
{
  self->draft_again = FALSE;
  if (self->draft_writing)
    {
      self->draft_again = TRUE;
      return;
    }
  if (!self->modified)
    return;
  if (self->draft_id == NULL)
    self->draft_id = g_uuid_string_random ();
  self->draft_writing = TRUE;
  fw_draft_write_async (self->draft_id, self->workbook, self->file, draft_written_cb,
                        g_object_ref (self));
}

static gboolean
draft_timeout_cb (gpointer data)
{
  FwDocument *self = data;

  self->draft_timeout = 0;
  document_write_draft (self);
  return G_SOURCE_REMOVE;
}

void
fw_document_discard_draft (FwDocument *self)
{
  g_return_if_fail (FW_IS_DOCUMENT (self));

  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  self->draft_again = FALSE;
  /* Queued after any write still under way, so it cannot come back. */
  if (self->draft_id)
    fw_draft_discard_later (self->draft_id);
}

void
fw_document_flush_draft (FwDocument *self)
{
  g_return_if_fail (FW_IS_DOCUMENT (self));

  if (self->draft_timeout)
    {
      g_clear_handle_id (&self->draft_timeout, g_source_remove);
      document_write_draft (self);
    }
}

void
fw_document_set_autosave (FwDocument *self,
                          gboolean    autosave)
{
  g_return_if_fail (FW_IS_DOCUMENT (self));
  self->autosave = !!autosave;
  if (!self->autosave)
    g_clear_handle_id (&self->draft_timeout, g_source_remove);
}

const char *
fw_document_get_draft_id (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);
  return self->draft_id;
}

static void
workbook_changed_cb (FwDocument *self)
{
  self->serial++;
  set_modified (self, TRUE);
  if (self->draft_timeout == 0 && self->autosave)
    self->draft_timeout = g_timeout_add (DRAFT_DELAY_MS, draft_timeout_cb, self);
}

void
document_take_contents (FwDocument *self,
                        FwWorkbook *contents)
{
  g_signal_handlers_block_by_func (self->workbook, workbook_changed_cb, self);
  fw_workbook_take_contents (self->workbook, contents);
  g_signal_handlers_unblock_by_func (self->workbook, workbook_changed_cb, self);
  self->serial++;
}

/* ------------------------------------------------------------------ the file on disk */

static void
file_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other,
                 GFileMonitorEvent  event,
                 FwDocument        *self)
{
  g_autoptr(GFileInfo) info = NULL;
  const char *etag;

  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_MOVED_IN && event != G_FILE_MONITOR_EVENT_RENAMED)
    return;
  if (self->file == NULL || self->busy)
    return;
  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  etag = info ? g_file_info_get_etag (info) : NULL;
  /* Our own save, nothing that changes the contents, or a change the user
   * already chose to keep their version over. */
  if (etag == NULL || g_strcmp0 (etag, self->etag) == 0 ||
      g_strcmp0 (etag, self->kept_over_etag) == 0)
    return;
  g_signal_emit (self, signals[CHANGED_ON_DISK], 0);
}

static void
watch_file (FwDocument *self)
{
  if (self->monitor)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->file == NULL)
    return;
  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (file_changed_cb), self, 0);
}

void
fw_document_keep_mine (FwDocument *self)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_if_fail (FW_IS_DOCUMENT (self));

  if (self->file)
    info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                              NULL, NULL);
  g_free (self->kept_over_etag);
  self->kept_over_etag = info ? g_strdup (g_file_info_get_etag (info)) : NULL;
  set_modified (self, TRUE);
}

/* ------------------------------------------------------------------ loading */

typedef struct
{
  GFile      *file;
  FwWorkbook *workbook;
  char       *etag;
  gboolean    writable;
  gboolean    reload;
  char       *checksum;
  GPtrArray  *conflicted;   /* GFile */
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_clear_object (&load->file);
  g_clear_object (&load->workbook);
  g_free (load->etag);
  g_free (load->checksum);
  g_clear_pointer (&load->conflicted, g_ptr_array_unref);
  g_free (load);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  GError *error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  load->writable = TRUE;
  load->workbook = fw_workbook_load_full (load->file, &load->etag, &load->writable,
                                          cancellable, &bytes, &error);
  if (load->workbook == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Kept, so a copy made from it can later be merged three-way. */
  if (fw_workbook_has_identity (load->workbook))
    {
      g_autofree char *identity = fw_workbook_dup_identity (load->workbook);

      load->checksum = fw_versions_record (identity, bytes, NULL);
    }
  load->conflicted = fw_versions_find_conflicted_copies (load->file);
  g_task_return_boolean (task, TRUE);
}

static void
apply_recovery (FwDocument *self)
{
  g_autoptr(FwWorkbook) recovered = g_steal_pointer (&self->pending_recovery);
  g_autofree char *draft_id = g_steal_pointer (&self->pending_draft_id);

  document_take_contents (self, recovered);
  if (draft_id)
    {
      g_free (self->draft_id);
      self->draft_id = g_steal_pointer (&draft_id);
    }
  set_modified (self, TRUE);
}

/* On the main thread, when the worker is done: the results land in the model. */
static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  FwDocument *self = FW_DOCUMENT (source);
  g_autoptr(GTask) task = user_data;
  Load *load = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      if (!load->reload && !cancelled)
        {
          /* Nothing may overwrite the file that could not be read. */
          g_clear_pointer (&self->etag, g_free);
          set_file (self, NULL);
        }
      /* A draft recovered meanwhile comes in all the same, now: later it
       * would land over newer work. Cancelled, nobody waits for it. */
      if (self->pending_recovery && !cancelled)
        apply_recovery (self);
      g_clear_object (&self->pending_recovery);
      g_clear_pointer (&self->pending_draft_id, g_free);
      g_task_return_error (task, error);
      return;
    }

  document_take_contents (self, load->workbook);
  g_free (self->etag);
  self->etag = g_steal_pointer (&load->etag);
  g_free (self->version_checksum);
  self->version_checksum = g_steal_pointer (&load->checksum);
  g_ptr_array_set_size (self->merged_checksums, 0);
  g_clear_pointer (&self->conflicted_copies, g_ptr_array_unref);
  self->conflicted_copies = g_steal_pointer (&load->conflicted);
  g_clear_pointer (&self->kept_over_etag, g_free);
  set_read_only (self, !load->writable);
  if (load->reload)
    fw_document_discard_draft (self);
  set_modified (self, FALSE);
  /* The draft's version replaces what was read; the etag stays the file's, so
   * saving over a change made since still asks. */
  if (self->pending_recovery)
    apply_recovery (self);
  g_task_return_boolean (task, TRUE);
}

static void
start_load (FwDocument          *self,
            gboolean             reload,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data,
            gpointer             source_tag)
{
  GTask *outer = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GTask) inner = NULL;
  Load *load;

  g_task_set_source_tag (outer, source_tag);
  if (self->file == NULL)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The workbook has no file to read"));
      g_object_unref (outer);
      return;
    }
  load = g_new0 (Load, 1);
  load->file = g_object_ref (self->file);
  load->reload = reload;
  inner = g_task_new (self, cancellable, load_done_cb, outer);
  g_task_set_task_data (inner, load, load_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (inner, load_thread);
}

void
fw_document_load_async (FwDocument          *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (FW_IS_DOCUMENT (self));
  start_load (self, FALSE, cancellable, callback, user_data, fw_document_load_async);
}

gboolean
fw_document_load_finish (FwDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
fw_document_reload_async (FwDocument          *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (FW_IS_DOCUMENT (self));
  start_load (self, TRUE, cancellable, callback, user_data, fw_document_reload_async);
}

gboolean
fw_document_reload_finish (FwDocument    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
fw_document_recover (FwDocument *self,
                     FwWorkbook *recovered,
                     const char *draft_id)
{
  g_return_if_fail (FW_IS_DOCUMENT (self));
  g_return_if_fail (FW_IS_WORKBOOK (recovered));

  g_set_object (&self->pending_recovery, recovered);
  g_free (self->pending_draft_id);
  self->pending_draft_id = g_strdup (draft_id);
  /* While the file is read, the draft waits for it: otherwise what is read
   * would land over the recovered work. */
  if (!self->busy)
    apply_recovery (self);
}

/* ------------------------------------------------------------------ saving */

typedef struct
{
  GFile     *file;
  GPtrArray *pieces;       /* GBytes, written one after another */
  char      *expected_etag;
  char    *new_etag;
  guint64  serial;         /* the changes the bytes hold */
  char    *identity;       /* the workbook's, when it has a lasting one */
  GStrv    parents;        /* the versions it was made from (fw-versions.h) */
  guint    n_merged;       /* of them, the merged-in ones (the first n of the document's) */
  char    *checksum;       /* of the version written */
} Save;

static void
save_free (gpointer data)
{
  Save *save = data;

  g_clear_object (&save->file);
  g_clear_pointer (&save->pieces, g_ptr_array_unref);
  g_free (save->expected_etag);
  g_free (save->new_etag);
  g_free (save->identity);
  g_strfreev (save->parents);
  g_free (save->checksum);
  g_free (save);
}

/* Written to a temporary file in the same folder and renamed over the old one
 * when the stream closes, with a backup: an interrupted save leaves the old file
 * or the new one. */
static gboolean
write_pieces (Save          *save,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;

  stream = g_file_replace (save->file, save->expected_etag, TRUE, G_FILE_CREATE_NONE,
                           cancellable, error);
  if (stream == NULL)
    return FALSE;
  for (guint i = 0; i < save->pieces->len; i++)
    {
      GBytes *piece = g_ptr_array_index (save->pieces, i);

      if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), g_bytes_get_data (piece, NULL),
                                      g_bytes_get_size (piece), NULL, cancellable, error))
        {
          /* Closing with a cancelled cancellable drops the temporary file. */
          g_autoptr(GCancellable) drop = g_cancellable_new ();

          g_cancellable_cancel (drop);
          g_output_stream_close (G_OUTPUT_STREAM (stream), drop, NULL);
          return FALSE;
        }
    }
  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error))
    return FALSE;
  save->new_etag = g_file_output_stream_get_etag (stream);
  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Save *save = task_data;
  g_autoptr(GError) io_error = NULL;

  if (!write_pieces (save, cancellable, &io_error))
    {
      GError *error = NULL;
      g_autofree char *name = g_file_get_parse_name (save->file);

      if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG) ||
          g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&io_error));
          return;
        }
      fw_file_error_set (&error, io_error, name, TRUE);
      g_task_return_error (task, error);
      return;
    }
  if (save->identity)
    {
      g_autoptr(GByteArray) all = g_byte_array_new ();
      g_autoptr(GBytes) bytes = NULL;

      for (guint i = 0; i < save->pieces->len; i++)
        {
          gsize size = 0;
          const guint8 *data = g_bytes_get_data (save->pieces->pdata[i], &size);

          g_byte_array_append (all, data, size);
        }
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&all));
      save->checksum = fw_versions_record (save->identity, bytes,
                                           (const char * const *) save->parents);
    }
  g_task_return_boolean (task, TRUE);
}

typedef struct
{
  GTask               *task;
  GFile               *file;
  FwDocumentSaveFlags  flags;
} PendingSave;

static void start_save (FwDocument          *self,
                        GTask               *outer,
                        GFile               *file,
                        FwDocumentSaveFlags  flags);

/* The save asked for while another ran: its bytes are made now, from what the
 * workbook holds now, and it writes over the file the other one wrote. */
static void
start_next_save (FwDocument *self)
{
  PendingSave *next = g_queue_pop_head (&self->pending_saves);

  self->saving = FALSE;
  if (next == NULL)
    return;
  start_save (self, next->task, next->file, next->flags);
  g_clear_object (&next->file);
  g_free (next);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  FwDocument *self = FW_DOCUMENT (source);
  g_autoptr(GTask) task = user_data;
  Save *save = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* The edits stay, and in the draft. */
      if (self->modified && self->autosave)
        document_write_draft (self);
      g_task_return_error (task, error);
      start_next_save (self);
      return;
    }
  g_free (self->etag);
  self->etag = g_steal_pointer (&save->new_etag);
  if (save->checksum)
    {
      g_free (self->version_checksum);
      self->version_checksum = g_steal_pointer (&save->checksum);
      /* They are the new version's parents now; one merged while it was written
       * is not, yet. */
      g_ptr_array_remove_range (self->merged_checksums, 0,
                                MIN (save->n_merged, self->merged_checksums->len));
    }
  g_clear_pointer (&self->kept_over_etag, g_free);
  set_read_only (self, FALSE);
  set_file (self, save->file);
  /* Edited while the bytes were written: still modified, and still drafted. */
  if (self->serial == save->serial)
    {
      fw_document_discard_draft (self);
      set_modified (self, FALSE);
    }
  g_task_return_boolean (task, TRUE);
  start_next_save (self);
}

static void
start_save (FwDocument          *self,
            GTask               *outer,   /* owned */
            GFile               *file,
            FwDocumentSaveFlags  flags)
{
  g_autoptr(GTask) inner = NULL;
  gboolean same_file = self->file && g_file_equal (self->file, file);
  Save *save;

  self->saving = TRUE;
  /* The pieces are made here, on the caller's thread, which owns the model;
   * each idea's text is kept between saves and shared, not copied. */
  /* Saved with no change, a file keeps its bytes, its modified time included. */
  if (self->modified)
    {
      g_signal_handlers_block_by_func (self->workbook, workbook_changed_cb, self);
      fw_workbook_touch (self->workbook);
      g_signal_handlers_unblock_by_func (self->workbook, workbook_changed_cb, self);
    }
  save = g_new0 (Save, 1);
  save->file = g_object_ref (file);
  save->pieces = fw_workbook_to_pieces (self->workbook);
  save->serial = self->serial;
  if (fw_workbook_has_identity (self->workbook))
    {
      g_autoptr(GStrvBuilder) parents = g_strv_builder_new ();

      save->identity = fw_workbook_dup_identity (self->workbook);
      if (self->version_checksum)
        g_strv_builder_add (parents, self->version_checksum);
      for (guint i = 0; i < self->merged_checksums->len; i++)
        g_strv_builder_add (parents, self->merged_checksums->pdata[i]);
      save->parents = g_strv_builder_end (parents);
      save->n_merged = self->merged_checksums->len;
    }
  if (same_file && !(flags & FW_DOCUMENT_SAVE_OVERWRITE))
    save->expected_etag = g_strdup (self->etag);
  inner = g_task_new (self, g_task_get_cancellable (outer), save_done_cb, outer);
  g_task_set_task_data (inner, save, save_free);
  g_task_run_in_thread (inner, save_thread);
}

void
fw_document_save_async (FwDocument          *self,
                        GFile               *file,
                        FwDocumentSaveFlags  flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *outer;

  g_return_if_fail (FW_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, fw_document_save_async);
  if (file == NULL)
    file = self->file;
  if (file == NULL)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The workbook has no file yet: choose where to save it"));
      g_object_unref (outer);
      return;
    }
  /* One at a time: two writers would race to rename over the file, and the
   * older bytes could land last while the document says it is saved. */
  if (self->saving)
    {
      PendingSave *pending = g_new0 (PendingSave, 1);

      pending->task = outer;
      pending->file = g_object_ref (file);
      pending->flags = flags;
      g_queue_push_tail (&self->pending_saves, pending);
      return;
    }
  start_save (self, outer, file, flags);
}

gboolean
fw_document_save_finish (FwDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

FwIdea *
fw_document_duplicate_idea (FwDocument *self,
                            FwIdea     *idea)
{
  g_autoptr(FwIdea) copy = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  guint position;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (FW_IS_IDEA (idea), NULL);

  if (!fw_workbook_find_idea (self->workbook, fw_idea_get_id (idea), &position))
    return NULL;
  /* The members assessed and the PM decided the original, not the duplicate. */
  copy = fw_idea_dup_without_team (idea);
  id = g_uuid_string_random ();
  fw_idea_set_text (copy, FW_IDEA_ID, id);
  name = fw_idea_dup_display_title (idea);
  /* TRANSLATORS: the title of a duplicated idea */
  title = g_strdup_printf (_("%s (copy)"), name);
  fw_idea_set_title (copy, title);
  fw_workbook_insert_idea (self->workbook, position + 1, copy);
  return copy;
}

/* ------------------------------------------------------------------ the object */

FwWorkbook *
fw_document_get_workbook (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);
  return self->workbook;
}

GFile *
fw_document_get_file (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);
  return self->file;
}

const char *
fw_document_get_etag (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);
  return self->etag;
}

gboolean
fw_document_get_modified (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

void
fw_document_set_modified (FwDocument *self,
                          gboolean    modified)
{
  g_return_if_fail (FW_IS_DOCUMENT (self));
  set_modified (self, modified);
}

gboolean
fw_document_get_read_only (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  return self->read_only;
}

gboolean
fw_document_get_busy (FwDocument *self)
{
  g_return_val_if_fail (FW_IS_DOCUMENT (self), FALSE);
  return self->busy > 0;
}

char *
fw_document_dup_display_name (FwDocument *self)
{
  const char *title;

  g_return_val_if_fail (FW_IS_DOCUMENT (self), NULL);

  title = fw_workbook_get_title (self->workbook);
  if (self->file)
    return g_file_get_basename (self->file);
  if (title && *title)
    return g_strdup (title);
  return g_strdup (_("Unsaved workbook"));
}

static void
fw_document_constructed (GObject *object)
{
  FwDocument *self = FW_DOCUMENT (object);

  G_OBJECT_CLASS (fw_document_parent_class)->constructed (object);

  if (self->workbook == NULL)
    self->workbook = fw_workbook_new ();
  g_signal_connect_object (self->workbook, "changed", G_CALLBACK (workbook_changed_cb), self,
                           G_CONNECT_SWAPPED);
  watch_file (self);
}

static void
fw_document_dispose (GObject *object)
{
  FwDocument *self = FW_DOCUMENT (object);

  g_clear_handle_id (&self->draft_timeout, g_source_remove);
  if (self->monitor)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->workbook)
    g_signal_handlers_disconnect_by_data (self->workbook, self);

  G_OBJECT_CLASS (fw_document_parent_class)->dispose (object);
}

static void
fw_document_finalize (GObject *object)
{
  FwDocument *self = FW_DOCUMENT (object);

  g_clear_object (&self->workbook);
  g_clear_object (&self->file);
  g_clear_object (&self->pending_recovery);
  g_free (self->pending_draft_id);
  g_free (self->etag);
  g_free (self->kept_over_etag);
  g_free (self->draft_id);
  g_free (self->version_checksum);
  g_clear_pointer (&self->merged_checksums, g_ptr_array_unref);
  g_clear_pointer (&self->conflicted_copies, g_ptr_array_unref);

  G_OBJECT_CLASS (fw_document_parent_class)->finalize (object);
}

static void
fw_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FwDocument *self = FW_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, self->workbook);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FwDocument *self = FW_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      self->workbook = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    case PROP_MODIFIED:
      set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_document_class_init (FwDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fw_document_constructed;
  object_class->dispose = fw_document_dispose;
  object_class->finalize = fw_document_finalize;
  object_class->get_property = fw_document_get_property;
  object_class->set_property = fw_document_set_property;

  properties[PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL, FW_TYPE_WORKBOOK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Another program changed the file (an etag we neither wrote nor kept). */
  signals[CHANGED_ON_DISK] =
    g_signal_new ("changed-on-disk", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A draft could not be written (once per document): the message says why. */
  signals[DRAFT_FAILED] =
    g_signal_new ("draft-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
fw_document_init (FwDocument *self)
{
  self->autosave = TRUE;
  self->merged_checksums = g_ptr_array_new_with_free_func (g_free);
}

FwDocument *
fw_document_new (FwWorkbook *workbook,
                 GFile      *file)
{
  return g_object_new (FW_TYPE_DOCUMENT, "workbook", workbook, "file", file, NULL);
}

