/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-cases-page.h"
#include "fw-window-private.h"

/* The window's actions (win.*). Each is enabled exactly when it can act, in
 * _fw_window_update_actions(); an action that is activated anyway (from a
 * test, say) still checks what it needs. */

/* The Cases page when it is the page shown. */
static FwCasesPage *
cases_shown (FwWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);

  return page != NULL && FW_IS_CASES_PAGE (page) ? FW_CASES_PAGE (page) : NULL;
}

void
_fw_window_update_actions (FwWindow *self)
{
  /* What acts on "the idea" needs it on screen, not behind a section page. */
  gboolean idea = _fw_window_idea_page_shown (self);
  gboolean busy = fw_document_get_busy (self->document);
  gboolean triage = _fw_window_triage_shown (self);
  FwConflictsPage *conflicts = _fw_window_conflicts_shown (self);
  FwCasesPage *cases = cases_shown (self);
  gboolean ideas = fw_workbook_get_n_ideas (_fw_window_workbook (self)) > 0;
  FwStep step = fw_idea_editor_get_step (fw_idea_page_get_editor (self->idea_page));
  static const char *need_idea[] = {
    "win.duplicate-idea", "win.delete-idea", "win.export", "win.copy-image", "win.print",
  };
  static const char *need_file_ops[] = {
    "win.save", "win.save-as", "win.import", "win.export-worksheet", "win.details",
    "win.export-report", "win.print-report", "win.new-idea", "win.collect",
    "win.compare", "win.merge",
  };

  for (guint i = 0; i < G_N_ELEMENTS (need_idea); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), need_idea[i], idea && !busy);
  for (guint i = 0; i < G_N_ELEMENTS (need_file_ops); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), need_file_ops[i], !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", ideas && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-step",
                                 idea && !busy && step + 1 < FW_N_STEPS);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-step",
                                 idea && !busy && step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.step", idea && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.join-team", _fw_window_can_join (self));
  /* As undo_redo_action() goes. On Spot Ideas, Ctrl+Z goes to the page, which
   * takes back its own decisions or the story text's typing, and enables its
   * own buttons by what it can undo. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 triage || (conflicts && fw_conflicts_page_can_undo (conflicts)) ||
                                 (cases && fw_cases_page_get_can_undo (cases)) ||
                                 fw_history_can_undo (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 triage || fw_history_can_redo (self->history));
  gtk_widget_set_sensitive (self->export_button, self->shown_idea != NULL);
  gtk_widget_set_sensitive (self->idea_menu_button, self->shown_idea != NULL);
}

/* Ideas: new, duplicate, delete with undo. */

static FwIdeaEditor *
editor (FwWindow *self)
{
  return fw_idea_page_get_editor (self->idea_page);
}

static void
new_idea_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  g_autoptr(FwIdea) idea = fw_idea_new ();

  fw_idea_set_title (idea, _("New idea"));
  _fw_window_clear_search (self);
  fw_workbook_append_idea (_fw_window_workbook (self), idea);
  _fw_window_select_idea (self, idea);
  _fw_window_show_idea_page (self);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  fw_window_set_larger_diagram (self, FALSE);
  /* Straight to typing its title. */
  fw_idea_editor_open_step (editor (self), FW_STEP_STORY);
}

static void
duplicate_idea_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  FwIdea *copy;

  if (self->shown_idea == NULL)
    return;
  copy = fw_document_duplicate_idea (self->document, self->shown_idea);
  if (copy)
    _fw_window_select_idea (self, copy);
}

static void
undo_delete_cb (FwWindow *self)
{
  if (self->deleted_idea == NULL)
    return;
  fw_workbook_insert_idea (_fw_window_workbook (self), self->deleted_position,
                           self->deleted_idea);
  _fw_window_select_idea (self, self->deleted_idea);
  g_clear_object (&self->deleted_idea);
}

static void
delete_idea_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  FwWorkbook *workbook = _fw_window_workbook (self);
  g_autofree char *message = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;
  guint position;

  if (self->shown_idea == NULL ||
      !fw_workbook_find_idea (workbook, fw_idea_get_id (self->shown_idea), &position))
    return;

  g_set_object (&self->deleted_idea, self->shown_idea);
  self->deleted_position = position;
  fw_workbook_remove_idea (workbook, position);

  /* TRANSLATORS: a toast after deleting an idea; %s is its title */
  title = fw_idea_dup_display_title (self->deleted_idea);
  message = g_strdup_printf (_("“%s” deleted"), title);
  /* A toast's title is markup: the idea's title is text. */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_delete_cb), self,
                           G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->delete_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Saving: the document writes on a worker; the window asks and tells. */

typedef struct
{
  FwWindow *window;
  GFile    *file;
  gboolean  then_close;
  gboolean *done;   /* for fw_window_save_to(): set when finished */
  gboolean *ok;
} SaveOp;

static void
save_op_free (SaveOp *op)
{
  g_object_unref (op->window);
  g_clear_object (&op->file);
  g_free (op);
}

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       FwWindow         *self)
{
  gboolean then_close = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "fw-then-close"));

  /* The user saw the warning: save over whatever is there now. */
  if (g_str_equal (response, "overwrite"))
    _fw_window_save (self, NULL, FW_DOCUMENT_SAVE_OVERWRITE, then_close);
}

static void
ask_overwrite (FwWindow *self,
               gboolean  then_close)
{
  g_autofree char *name = g_file_get_basename (fw_document_get_file (self->document));
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* TRANSLATORS: %s is a file name */
  heading = g_strdup_printf (_("“%s” Changed on Disk"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Another program changed the file since you opened it. "
                                     "Saving replaces its changes with yours."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "overwrite", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "fw-then-close", GINT_TO_POINTER (then_close));
  g_signal_connect_object (dialog, "response", G_CALLBACK (overwrite_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  SaveOp *op = user_data;
  FwWindow *self = op->window;
  g_autoptr(GError) error = NULL;
  gboolean ok = fw_document_save_finish (FW_DOCUMENT (source), result, &error);

  self->saving = FALSE;
  if (self->disposed)
    {
      /* The window went (Discard) while the file was written: nothing to tell. */
      if (op->done)
        {
          *op->done = TRUE;
          *op->ok = ok;
        }
      save_op_free (op);
      return;
    }
  if (ok)
    {
      g_autofree char *uri = g_file_get_uri (fw_document_get_file (self->document));

      gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
      _fw_window_set_sample (self, FALSE);
      /* Typed on while it was written: the newest edits are not in the file,
       * so closing asks again rather than dropping them. */
      if (op->then_close && fw_document_get_modified (self->document))
        gtk_window_close (GTK_WINDOW (self));
      else if (op->then_close)
        gtk_window_destroy (GTK_WINDOW (self));
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    ask_overwrite (self, op->then_close);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *name = g_file_get_basename (op->file);
      g_autofree char *heading = NULL;

      /* TRANSLATORS: %s is a file name */
      heading = g_strdup_printf (_("Could not save “%s”"), name);
      fw_window_show_error (self, heading, error->message);
    }
  if (op->done)
    {
      *op->done = TRUE;
      *op->ok = ok;
    }
  save_op_free (op);
}

void
_fw_window_save (FwWindow            *self,
                 GFile               *file,
                 FwDocumentSaveFlags  flags,
                 gboolean             then_close)
{
  SaveOp *op = g_new0 (SaveOp, 1);

  op->window = g_object_ref (self);
  op->file = g_object_ref (file ? file : fw_document_get_file (self->document));
  op->then_close = then_close;
  self->saving = TRUE;
  fw_document_save_async (self->document, file, flags, NULL, save_done_cb, op);
}

gboolean
fw_window_save_to (FwWindow *self,
                   GFile    *file)
{
  gboolean done = FALSE, ok = FALSE;
  SaveOp *op;

  g_return_val_if_fail (FW_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  op = g_new0 (SaveOp, 1);
  op->window = g_object_ref (self);
  op->file = g_object_ref (file);
  op->done = &done;
  op->ok = &ok;
  self->saving = TRUE;
  fw_document_save_async (self->document, file, FW_DOCUMENT_SAVE_DEFAULT, NULL, save_done_cb, op);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  return ok;
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     FwWindow         *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "fw-file");
  gboolean then_close = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "fw-then-close"));

  if (g_str_equal (response, "replace"))
    _fw_window_save (self, file, FW_DOCUMENT_SAVE_DEFAULT, then_close);
}

static void
ask_replace (FwWindow *self,
             GFile    *file,
             gboolean  then_close)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* TRANSLATORS: %s is a file name */
  heading = g_strdup_printf (_("Replace “%s”?"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("A workbook of that name exists already in this folder. "
                                     "Saving replaces it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "fw-file", g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "fw-then-close", GINT_TO_POINTER (then_close));
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  FwWindow *window;
  GFile    *file;
  gboolean  then_close;
} SaveAsCheck;

static void
exists_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SaveAsCheck *check = user_data;
  g_autoptr(GError) error = NULL;
  gboolean exists = fw_document_query_exists_finish (FW_DOCUMENT (source), result, &error);

  if (check->window->disposed || error)
    ;
  else if (exists)
    ask_replace (check->window, check->file, check->then_close);
  else
    _fw_window_save (check->window, check->file, FW_DOCUMENT_SAVE_DEFAULT, check->then_close);
  g_object_unref (check->window);
  g_object_unref (check->file);
  g_free (check);
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     FwWindow        *self)
{
  gboolean then_close = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "fw-then-close"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      gboolean appended = FALSE;

      /* Workbooks carry their extension so the file manager knows them. */
      if (path && !g_str_has_suffix (path, ".flywheel"))
        {
          g_autofree char *with = g_strconcat (path, ".flywheel", NULL);

          g_object_unref (file);
          file = g_file_new_for_path (with);
          appended = TRUE;
        }
      if (_fw_window_file_open_elsewhere (self, file))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *heading = NULL;

          /* TRANSLATORS: %s is a file name */
          heading = g_strdup_printf (_("Could not save “%s”"), name);
          fw_window_show_error (self, heading,
                                _("That workbook is open in another window. Save there, or "
                                  "close it first: two windows on one file would overwrite "
                                  "each other’s changes."));
        }
      /* The chooser asked about the name typed, not the one with .flywheel:
       * the document looks (on a worker) before the save is asked for. */
      else if (appended)
        {
          SaveAsCheck *check = g_new0 (SaveAsCheck, 1);

          check->window = g_object_ref (self);
          check->file = g_object_ref (file);
          check->then_close = then_close;
          fw_document_query_exists_async (self->document, file, NULL, exists_done_cb, check);
        }
      else
        _fw_window_save (self, file, FW_DOCUMENT_SAVE_DEFAULT, then_close);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static GtkFileFilter *
workbook_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Flywheel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.flywheel");
  gtk_file_filter_add_mime_type (filter, "application/x-flywheel-workbook");
  return filter;
}

void
_fw_window_save_as (FwWindow *self,
                    gboolean  then_close)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = workbook_filter ();
  g_autofree char *name = NULL;
  GFile *file = fw_document_get_file (self->document);

  dialog = gtk_file_chooser_native_new (_("Save Workbook"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (file)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), file, NULL);
  else
    {
      const char *title = fw_workbook_get_title (_fw_window_workbook (self));

      name = g_strdup_printf ("%s.flywheel", (title && *title) ? title : _("Workbook"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  g_object_set_data (G_OBJECT (dialog), "fw-then-close", GINT_TO_POINTER (then_close));
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  /* A read-only file or none yet: Save asks where. */
  if (fw_document_get_file (self->document) == NULL || fw_document_get_read_only (self->document))
    _fw_window_save_as (self, FALSE);
  else
    _fw_window_save (self, NULL, FW_DOCUMENT_SAVE_DEFAULT, FALSE);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _fw_window_save_as (FW_WINDOW (widget), FALSE);
}

/* The workbook's own details: its title, the product it is for and who wrote
 * it, which the report's cover and the worksheet carry. */
static void
details_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  static const struct { FwWorkbookText field; const char *title; } fields[] = {
    { FW_WORKBOOK_TITLE, N_("Title") },
    { FW_WORKBOOK_PRODUCT, N_("Target product") },
    { FW_WORKBOOK_AUTHOR, N_("Author") },
  };
  FwWindow *self = FW_WINDOW (widget);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("Workbook Details"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 360);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Shown on the report’s cover and in the worksheet."));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      g_object_bind_property (_fw_window_workbook (self), fw_workbook_text_property_name (fields[i].field),
                              row, "text", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (window), box);
  /* Escape closes it, as every dialog of the app (the edits are already in). */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                        gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, keys);
  }
  gtk_window_present (GTK_WINDOW (window));
}

/* Importing the workshop's worksheet (CSV) into this or a new workbook. */

static void
show_import_summary (FwWindow             *self,
                     const FwImportReport *report)
{
  g_autofree char *summary = fw_import_report_summary (report);
  g_autoptr(GString) body = NULL;

  if (report->n_skipped == 0 && report->notes->len == 0)
    {
      _fw_window_show_toast (self, summary);
      return;
    }
  body = g_string_new (summary);
  for (guint i = 0; i < report->skipped->len; i++)
    g_string_append_printf (body, "\n• %s", (char *) g_ptr_array_index (report->skipped, i));
  for (guint i = 0; i < report->notes->len; i++)
    g_string_append_printf (body, "\n• %s", (char *) g_ptr_array_index (report->notes, i));
  fw_window_show_error (self, _("Worksheet Imported"), body->str);
}

static void
import_into (FwWindow   *self,
             FwWorkbook *imported,
             gboolean    new_window)
{
  if (new_window)
    {
      FwWindow *window = fw_window_new (gtk_window_get_application (GTK_WINDOW (self)),
                                        self->settings, imported, NULL);

      /* Nothing of it is saved yet. */
      fw_document_set_modified (fw_window_get_document (window), TRUE);
      gtk_window_present (GTK_WINDOW (window));
      return;
    }
  fw_document_merge_imported (self->document, imported);
}

static void
import_where_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          FwWindow         *self)
{
  FwWorkbook *imported = g_object_get_data (G_OBJECT (dialog), "fw-workbook");
  const FwImportReport *report = g_object_get_data (G_OBJECT (dialog), "fw-report");

  if (g_str_equal (response, "cancel"))
    return;
  import_into (self, imported, g_str_equal (response, "new"));
  show_import_summary (self, report);
}

/* Back on the main thread: into this workbook, a new one, or ask. */
static void
import_finish (FwWindow       *self,
               FwWorkbook     *imported,
               FwImportReport *report,
               gboolean        into_new_window)
{
  FwWorkbook *workbook = _fw_window_workbook (self);
  GtkWidget *dialog;

  if (into_new_window || fw_workbook_get_n_ideas (workbook) + fw_workbook_get_n_cases (workbook) == 0)
    {
      /* An empty workbook simply takes the sheet. */
      import_into (self, imported, into_new_window);
      show_import_summary (self, report);
      fw_import_report_free (report);
      g_object_unref (imported);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Into…"),
                                   _("Add the worksheet’s cases and ideas to this workbook, or "
                                     "open them as a new workbook?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "new", _("_New Workbook"),
                                    "current", _("_This Workbook"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "current",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "fw-workbook", imported, g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "fw-report", report,
                          (GDestroyNotify) fw_import_report_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_where_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  FwWindow *window;
  GFile    *file;
  gboolean  into_new_window;
} ImportOp;

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportOp *op = user_data;
  g_autoptr(GError) error = NULL;
  FwImportReport *report = NULL;
  FwWorkbook *imported = fw_document_import_finish (FW_DOCUMENT (source), result, &report,
                                                    &error);

  if (imported == NULL)
    {
      g_autofree char *name = g_file_get_basename (op->file);
      /* TRANSLATORS: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could not import “%s”"), name);

      fw_window_show_error (op->window, heading, error->message);
    }
  else
    import_finish (op->window, imported, report, op->into_new_window);
  g_object_unref (op->window);
  g_object_unref (op->file);
  g_free (op);
}

void
fw_window_import_file (FwWindow *self,
                       GFile    *file,
                       gboolean  into_new_window)
{
  ImportOp *op;

  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  op = g_new0 (ImportOp, 1);
  op->window = g_object_ref (self);
  op->file = g_object_ref (file);
  op->into_new_window = into_new_window;
  fw_document_import_async (self->document, file, NULL, import_done_cb, op);
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    FwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      fw_window_import_file (self, file, FALSE);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Import Worksheet"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Worksheets (Excel workbook, CSV or tab-separated text)"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument."
                                         "spreadsheetml.sheet");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.tsv");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "text/tab-separated-values");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Undo and redo: the history of idea edits; on Spot Ideas its own steps,
 * wherever the focus is; on Conflicts and Cases their own last step first. An
 * idea's edit is never undone out of sight: on a section page the idea it
 * changes is shown first (as an undo of another idea's edit shows that idea). */
static void
undo_redo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  gboolean undo = g_str_equal (action_name, "win.undo");

  if (_fw_window_triage_shown (self))
    {
      gtk_widget_activate_action (gtk_stack_get_visible_child (self->content_stack),
                                  undo ? "triage.undo" : "triage.redo", NULL);
      return;
    }
  /* On Conflicts, Ctrl+Z takes back the last resolution first. */
  if (undo && _fw_window_conflicts_shown (self) &&
      fw_conflicts_page_undo (_fw_window_conflicts_shown (self)))
    {
      _fw_window_resolution_undone (self);
      _fw_window_update_actions (self);
      return;
    }
  if (undo && cases_shown (self) && fw_cases_page_undo (cases_shown (self)))
    return;
  for (;;)
    {
      FwIdea *idea = undo ? fw_history_peek_undo (self->history)
                          : fw_history_peek_redo (self->history);

      if (idea == NULL)
        return;
      /* The steps of an idea deleted since have nothing to show: they go,
       * untouched, and the next step is the one taken. */
      if (fw_workbook_find_idea (_fw_window_workbook (self), fw_idea_get_id (idea), NULL) != idea)
        {
          fw_history_forget (self->history, idea);
          continue;
        }
      if (idea != self->shown_idea)
        {
          _fw_window_clear_search (self);
          _fw_window_select_idea (self, idea);
        }
      if (!_fw_window_idea_page_shown (self))
        _fw_window_show_idea_page (self);
      /* Narrow, the sidebar may be what is shown. */
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      if (undo)
        fw_history_undo (self->history);
      else
        fw_history_redo (self->history);
      /* The field that was typed in keeps its caret at the end of the text
       * put back, as after typing, not at its start. */
      {
        GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

        if (focus && GTK_IS_EDITABLE (focus))
          gtk_editable_set_position (GTK_EDITABLE (focus), -1);
      }
      return;
    }
}

/* Step navigation from the keyboard: Ctrl+Page Down / Up, Alt+1 … Alt+5. */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  int step = fw_idea_editor_get_step (editor (self));

  /* Only on the idea page: elsewhere these keys belong to the page shown. */
  if (!_fw_window_idea_page_shown (self))
    return;
  if (g_str_equal (action_name, "win.next-step"))
    step++;
  else if (g_str_equal (action_name, "win.previous-step"))
    step--;
  else
    step = (int) g_variant_get_uint32 (parameter) - 1;
  if (step < 0 || step >= FW_N_STEPS)
    return;
  fw_window_set_larger_diagram (self, FALSE);
  fw_idea_editor_open_step (editor (self), step);
}

/* Ctrl+Page Down and Up on the idea page, caught before the focused widget
 * sees them: an entry takes them to move the focus on and a text view to move
 * its cursor, so a binding of the window, which hears a key only after them,
 * never would. They belong to the steps at the first and last step too. On
 * another page they go on to the widget, as if the window had none. */
static gboolean
step_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  FwWindow *self = FW_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* A drop-down's list or a menu open over the page keeps its keys. */
  if (!_fw_window_idea_page_shown (self) ||
      (focus && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER)))
    return FALSE;
  gtk_widget_activate_action (widget, user_data, NULL);
  return TRUE;
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
_fw_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-idea", NULL, new_idea_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-idea", NULL,
                                   duplicate_idea_action);
  gtk_widget_class_install_action (widget_class, "win.delete-idea", NULL, delete_idea_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.next-step", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.previous-step", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "win.step", "u", step_action);
  for (guint i = 1; i <= FW_N_STEPS; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_ALT_MASK, "win.step",
                                         "u", i);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_redo_action);
  /* Bubbling from the focused widget: the editor's fields leave Ctrl+Z to
   * the window (their own undo is off), so one history serves them all. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.details", NULL, details_action);
  _fw_window_class_add_export_actions (widget_class);
}

void
_fw_window_init_actions (FwWindow *self)
{
  static const struct { guint keyval; const char *action; } step_keys[] = {
    { GDK_KEY_Page_Down, "win.next-step" },
    { GDK_KEY_KP_Page_Down, "win.next-step" },
    { GDK_KEY_Page_Up, "win.previous-step" },
    { GDK_KEY_KP_Page_Up, "win.previous-step" },
  };
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_event_controller_set_name (keys, "step-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (step_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
      gtk_shortcut_new (gtk_keyval_trigger_new (step_keys[i].keyval, GDK_CONTROL_MASK),
                        gtk_callback_action_new (step_key_cb, (gpointer) step_keys[i].action,
                                                 NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
