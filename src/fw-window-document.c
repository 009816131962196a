/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-window-private.h"

/* The document the window shows: reading it, a recovered draft, a change
 * another program made to the file, drafts that could not be written, closing
 * with unsaved changes, what is shown when the contents are replaced, and the
 * file open in another window. The file work itself is the document's. */

static void
draft_failed_cb (FwWindow   *self,
                 const char *why)
{
  g_autofree char *message = NULL;

  /* TRANSLATORS: %s says why, e.g. "No space left on device" */
  message = g_strdup_printf (_("Could not keep a draft of your changes: %s"), why);
  _fw_window_show_toast (self, message);
}

static void
autosave_changed_cb (FwWindow *self)
{
  fw_document_set_autosave (self->document,
                            self->settings == NULL ||
                            g_settings_get_boolean (self->settings, "autosave"));
}

static void
reload_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(FwWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!fw_document_reload_finish (FW_DOCUMENT (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        fw_window_show_error (self, _("Could not reload the workbook"), error->message);
      return;
    }
  _fw_window_contents_replaced (self);
}

static void
disk_change_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         FwWindow         *self)
{
  self->asking_about_disk = FALSE;
  if (g_str_equal (response, "reload"))
    fw_document_reload_async (self->document, self->cancellable, reload_done_cb,
                              g_object_ref (self));
  else
    /* Keep mine: the window's version stays, and saving over the other
     * program's change still asks (Save Anyway) rather than replacing it. */
    fw_document_keep_mine (self->document);
}

static void
changed_on_disk_cb (FwWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  gboolean modified = fw_document_get_modified (self->document);
  GtkWidget *dialog;

  if (self->asking_about_disk || self->saving)
    return;
  self->asking_about_disk = TRUE;
  name = g_file_get_basename (fw_document_get_file (self->document));
  /* TRANSLATORS: %s is a file name */
  heading = g_strdup_printf (_("“%s” Changed on Disk"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   modified
                                   ? _("Another program changed the file. Reload it and lose "
                                       "your unsaved changes, or keep your version?")
                                   : _("Another program changed the file. Reload it, or keep "
                                       "your version?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    /* TRANSLATORS: keep my version of the file, not
                                     * the other program's */
                                    "keep", C_("file changed on disk", "_Keep Mine"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              modified ? ADW_RESPONSE_DESTRUCTIVE
                                                       : ADW_RESPONSE_SUGGESTED);
  /* Enter and Escape never throw unsaved work away. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog),
                                           modified ? "keep" : "reload");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (disk_change_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The dialog finishes its own response handling after this returns, so the
 * window (its parent) is destroyed from an idle instead. */
static gboolean
destroy_window_idle (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   FwWindow         *self)
{
  if (g_str_equal (response, "discard"))
    {
      fw_document_discard_draft (self->document);
      fw_document_set_modified (self->document, FALSE);
      g_idle_add_full (G_PRIORITY_DEFAULT, destroy_window_idle, g_object_ref (self),
                       g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      if (fw_document_get_file (self->document) == NULL)
        _fw_window_save_as (self, TRUE);
      else
        _fw_window_save (self, NULL, FW_DOCUMENT_SAVE_DEFAULT, TRUE);
    }
}

static void
save_window_state (FwWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

gboolean
_fw_window_close_request (GtkWindow *window)
{
  FwWindow *self = FW_WINDOW (window);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  save_window_state (self);

  if (!fw_document_get_modified (self->document))
    {
      fw_document_discard_draft (self->document);
      return FALSE;
    }

  name = fw_document_dup_display_name (self->document);
  /* TRANSLATORS: %s is the workbook's name */
  heading = g_strdup_printf (_("Save Changes to “%s”?"), name);
  dialog = adw_message_dialog_new (window, heading,
                                   _("If you don’t save, your changes will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Opening a file: the window appears at once and the workbook, which can be
 * tens of megabytes, is read by the document on a worker thread. */
static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(FwWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = fw_document_load_finish (FW_DOCUMENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_stop (self->loading_spinner);
  _fw_window_contents_replaced (self);
  if (!ok)
    {
      /* The window stays, with no file, so nothing can overwrite the file
       * that could not be read (a draft recovered meanwhile shows). */
      fw_window_show_error (self, _("Could not open the workbook"), error->message);
      return;
    }
  {
    g_autofree char *uri = g_file_get_uri (fw_document_get_file (self->document));
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  }
  if (fw_document_get_read_only (self->document))
    {
      g_autofree char *name = g_file_get_basename (fw_document_get_file (self->document));
      g_autofree char *message = NULL;

      /* TRANSLATORS: %s is a file name */
      message = g_strdup_printf (_("“%s” is read-only: use Save As to keep your changes"), name);
      _fw_window_show_toast (self, message);
    }
  _fw_window_offer_conflicted_copies (self);
}

void
fw_window_load (FwWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GFile *file;

  g_return_if_fail (FW_IS_WINDOW (self));
  file = fw_document_get_file (self->document);
  g_return_if_fail (file != NULL);

  name = g_file_get_basename (file);
  /* TRANSLATORS: %s is a file name */
  title = g_strdup_printf (_("Opening “%s”…"), name);
  adw_status_page_set_title (self->loading_page, title);
  gtk_spinner_start (self->loading_spinner);
  gtk_stack_set_visible_child_name (self->content_stack, "loading");

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  fw_document_load_async (self->document, self->cancellable, load_done_cb, g_object_ref (self));
}

void
fw_window_recover (FwWindow   *self,
                   FwWorkbook *recovered,
                   const char *draft_id)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (FW_IS_WORKBOOK (recovered));

  _fw_window_set_sample (self, FALSE);
  fw_document_recover (self->document, recovered, draft_id);
  if (!fw_document_get_busy (self->document))
    _fw_window_contents_replaced (self);
  name = fw_document_dup_display_name (self->document);
  /* TRANSLATORS: %s is a file name */
  message = g_strdup_printf (_("Recovered the unsaved changes to “%s”"), name);
  _fw_window_show_toast (self, message);
}

void
_fw_window_watch_document (FwWindow *self)
{
  g_signal_connect_object (self->document, "changed-on-disk", G_CALLBACK (changed_on_disk_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "draft-failed", G_CALLBACK (draft_failed_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->settings)
    g_signal_connect_object (self->settings, "changed::autosave",
                             G_CALLBACK (autosave_changed_cb), self, G_CONNECT_SWAPPED);
  autosave_changed_cb (self);
}

/* The whole workbook was replaced (loaded, reloaded, recovered): what is shown
 * follows, and the history of edits of the old contents goes. */
void
_fw_window_contents_replaced (FwWindow *self)
{
  fw_history_clear (self->history);
  /* The idea shown was watched by the selection as the contents came in. */
  if (self->shown_idea)
    fw_history_watch (self->history, self->shown_idea);
  /* A deleted idea of the old contents cannot come back into the new ones. */
  g_clear_object (&self->deleted_idea);
  if (self->delete_toast)
    adw_toast_dismiss (self->delete_toast);
  /* Its steps name objects of the old contents. */
  {
    GtkWidget *page = gtk_stack_get_child_by_name (self->content_stack, "conflicts");

    if (page)
      {
        fw_conflicts_page_set_workbook (FW_CONFLICTS_PAGE (page), NULL);
        fw_conflicts_page_set_workbook (FW_CONFLICTS_PAGE (page), _fw_window_workbook (self));
      }
  }
  _fw_window_update_titles (self);
  if (self->shown_idea == NULL)
    _fw_window_selection_changed (self);
  else
    _fw_window_update_idea_page (self);
  _fw_window_warm_search (self);
  _fw_window_offer_join (self);
}

gboolean
_fw_window_file_open_elsewhere (FwWindow *self,
                                GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL)
    return FALSE;
  for (GList *l = gtk_application_get_windows (app); l; l = l->next)
    if (l->data != (gpointer) self && FW_IS_WINDOW (l->data) &&
        fw_window_get_file (l->data) && g_file_equal (fw_window_get_file (l->data), file))
      return TRUE;
  return FALSE;
}
