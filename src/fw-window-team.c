/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-ui.h"
#include "fw-window-private.h"

/* The team round in the window: who I am (Preferences), joining a workbook's
 * team, collecting the members' copies (the menu and dropped files). */

static FwTeamPanel *
team_panel (FwWindow *self)
{
  return fw_idea_page_get_team_panel (self->idea_page);
}

/* My id, made the first time it is needed, so that every workbook knows me as
 * the same member. NULL without settings (tests) or while I have no name. */
static char *
dup_my_id (FwWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  if (self->settings == NULL)
    return NULL;
  name = g_settings_get_string (self->settings, "member-name");
  if (fw_text_is_blank (name))
    return NULL;
  id = g_settings_get_string (self->settings, "member-id");
  if (*id == '\0')
    {
      g_free (id);
      id = g_uuid_string_random ();
      g_settings_set_string (self->settings, "member-id", id);
    }
  return g_steal_pointer (&id);
}

/* My name as the team shows it, white space (full-width too) trimmed. */
static char *
dup_my_name (FwWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "member-name");

  return fw_text_dup_stripped (name);
}

/* Whether win.join-team can act: I said who I am and am not in the team yet. */
gboolean
_fw_window_can_join (FwWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  if (self->settings == NULL || self->is_sample)
    return FALSE;
  name = g_settings_get_string (self->settings, "member-name");
  id = g_settings_get_string (self->settings, "member-id");
  return !fw_text_is_blank (name) &&
         (*id == '\0' || fw_workbook_find_member (_fw_window_workbook (self), id, NULL) == NULL);
}

static FwRole
my_role (FwWindow *self)
{
  g_autofree char *role_id = g_settings_get_string (self->settings, "member-role");
  FwRole role = FW_ROLE_OTHER;

  fw_role_from_id (role_id, &role);
  return role;
}

static void
me_changed_cb (FwWindow *self)
{
  g_autofree char *id = dup_my_id (self);
  g_autofree char *name = NULL;
  FwMember *member;

  if (id == NULL)
    {
      fw_team_panel_set_me (team_panel (self), NULL, NULL, FW_ROLE_OTHER);
      return;
    }
  name = dup_my_name (self);
  fw_team_panel_set_me (team_panel (self), id, name, my_role (self));
  /* A new name or role in Preferences follows into a team I am in. */
  member = fw_workbook_find_member (_fw_window_workbook (self), id, NULL);
  if (member)
    {
      fw_member_set_name (member, name);
      fw_member_set_role (member, my_role (self));
    }
  _fw_window_update_actions (self);
}

void
_fw_window_init_team (FwWindow *self)
{
  if (self->settings == NULL)
    return;
  g_signal_connect_object (self->settings, "changed::member-name", G_CALLBACK (me_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::member-role", G_CALLBACK (me_changed_cb),
                           self, G_CONNECT_SWAPPED);
  me_changed_cb (self);
}

static void
join_team_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  FwWorkbook *workbook = _fw_window_workbook (self);
  g_autofree char *id = dup_my_id (self);
  g_autofree char *name = NULL;
  g_autoptr(FwMember) member = NULL;

  if (id == NULL || fw_workbook_find_member (workbook, id, NULL) != NULL)
    return;
  name = dup_my_name (self);
  member = fw_member_new (name, my_role (self));
  fw_member_set_id (member, id);
  fw_workbook_append_member (workbook, member);
  _fw_window_update_actions (self);
}

/* A workbook with a team, opened by someone not in it: offered once per file
 * opened, as a toast, so nothing stands in the way of reading it. */
void
_fw_window_offer_join (FwWindow *self)
{
  FwWorkbook *workbook = _fw_window_workbook (self);
  g_autofree char *id = NULL;
  AdwToast *toast;

  if (self->settings == NULL || self->is_sample || fw_workbook_get_n_members (workbook) == 0)
    return;
  id = dup_my_id (self);
  if (id != NULL && fw_workbook_find_member (workbook, id, NULL) != NULL)
    return;
  toast = adw_toast_new (id ? _("You are not in this workbook’s team yet")
                            : _("Say who you are in Preferences to join this workbook’s team"));
  adw_toast_set_timeout (toast, 10);
  if (id)
    {
      adw_toast_set_button_label (toast, _("_Join"));
      adw_toast_set_action_name (toast, "win.join-team");
    }
  else
    {
      adw_toast_set_button_label (toast, _("_Preferences"));
      adw_toast_set_action_name (toast, "app.preferences");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ------------------------------------------------------------------ collecting */

static void
add_new_ideas (FwWindow  *self,
               FwCollect *collect)
{
  FwWorkbook *workbook = _fw_window_workbook (self);

  for (guint i = 0; i < fw_collect_get_n_new_ideas (collect); i++)
    {
      FwIdea *offered = fw_collect_get_new_idea (collect, i);
      g_autoptr(FwIdea) idea = NULL;

      if (fw_workbook_find_idea (workbook, fw_idea_get_id (offered), NULL) != NULL)
        continue;
      idea = fw_idea_copy (offered);
      fw_workbook_append_idea (workbook, idea);
    }
}

static void
collect_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     FwWindow         *self)
{
  FwCollect *collect = g_object_get_data (G_OBJECT (dialog), "fw-collect");

  if (g_str_equal (response, "add"))
    add_new_ideas (self, collect);
}

/* The summary, and the new ideas offered: "Aiko: 5 ideas assessed; Ben: …". */
static void
show_collect_summary (FwWindow  *self,
                      FwCollect *collect)
{
  g_autofree char *summary = fw_collect_format_summary (collect);
  g_autoptr(GString) body = g_string_new (summary);
  guint n_new = fw_collect_get_n_new_ideas (collect);
  GtkWidget *dialog;

  for (guint i = 0; i < n_new; i++)
    {
      g_autofree char *title = fw_idea_dup_display_title (fw_collect_get_new_idea (collect, i));

      /* TRANSLATORS: a new idea from a member's copy: "• “Voice search” (from Ben)" */
      g_string_append_printf (body, _("\n• “%s” (from %s)"), title,
                              fw_collect_get_new_idea_from (collect, i));
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Assessments Collected"), body->str);
  if (n_new > 0)
    {
      g_autofree char *add = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "_Add the New Idea",
                                                           "_Add All %u New Ideas", n_new),
                                              n_new);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "skip", _("_Skip"), "add", add, NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "skip");
    }
  else
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_object_set_data_full (G_OBJECT (dialog), "fw-collect", collect,
                          (GDestroyNotify) fw_collect_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (collect_response_cb), self, 0);
  gtk_widget_set_name (dialog, "collect-summary");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
collect_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(FwWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  FwCollect *collect = fw_document_collect_finish (FW_DOCUMENT (source), result, &error);

  if (self->disposed)
    {
      g_clear_pointer (&collect, fw_collect_free);
      return;
    }
  if (collect == NULL)
    {
      fw_window_show_error (self, _("Could Not Collect the Assessments"), error->message);
      return;
    }
  show_collect_summary (self, collect);
}

void
fw_window_collect_files (FwWindow     *self,
                         GFile * const *files,
                         guint         n_files)
{
  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (n_files > 0);

  fw_document_collect_async (self->document, files, n_files, NULL, collect_done_cb,
                             g_object_ref (self));
}

static void
collect_chooser_response_cb (GtkNativeDialog *dialog,
                             int              response,
                             FwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
      if (files->len > 0)
        fw_window_collect_files (self, (GFile **) files->pdata, files->len);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
collect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FwWindow *self = FW_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Collect Assessments"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Collect"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("The team members’ copies of this workbook"));
  gtk_file_filter_add_pattern (filter, "*.flywheel");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (collect_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ------------------------------------------------------------------ dropped copies */

typedef struct
{
  FwWindow  *window;
  GPtrArray *files;     /* GFile, dropped */
} DropPeek;

static void
drop_peek_free (DropPeek *peek)
{
  g_object_unref (peek->window);
  g_ptr_array_unref (peek->files);
  g_free (peek);
}

static void
drop_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  FwWindow         *self)
{
  GPtrArray *files = g_object_get_data (G_OBJECT (dialog), "fw-files");
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (g_str_equal (response, "collect"))
    fw_window_collect_files (self, (GFile **) files->pdata, files->len);
  else if (g_str_equal (response, "open") && app)
    g_application_open (G_APPLICATION (app), (GFile **) files->pdata, files->len, "");
}

static void
drop_peek_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DropPeek *peek = user_data;
  FwWindow *self = peek->window;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (self->disposed)
    {
      drop_peek_free (peek);
      return;
    }
  /* Not all copies of this workbook (or not readable): each opens on its own,
   * where a file that cannot be read says why. */
  if (!fw_document_peek_copies_finish (FW_DOCUMENT (source), result, &error))
    {
      if (app && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_application_open (G_APPLICATION (app), (GFile **) peek->files->pdata,
                            peek->files->len, "");
      drop_peek_free (peek);
      return;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Collect from These Copies?"),
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "The dropped file is a team member’s copy of "
                                                "this workbook: take its assessments into this "
                                                "one, or open it in a window of its own?",
                                                "The dropped files are team members’ copies of "
                                                "this workbook: take their assessments into "
                                                "this one, or open them in windows of their own?",
                                                peek->files->len));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open"),
                                    "collect", _("_Collect"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "collect",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "fw-files", g_ptr_array_ref (peek->files),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (drop_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  drop_peek_free (peek);
}

gboolean
_fw_window_drop_copies (FwWindow   *self,
                        GFile     **files,
                        guint       n_files)
{
  DropPeek *peek;

  /* A file open already is raised, as before. */
  for (guint i = 0; i < n_files; i++)
    if (_fw_window_file_open_elsewhere (self, files[i]) ||
        (fw_document_get_file (self->document) &&
         g_file_equal (files[i], fw_document_get_file (self->document))))
      return FALSE;
  peek = g_new0 (DropPeek, 1);
  peek->window = g_object_ref (self);
  peek->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (peek->files, g_object_ref (files[i]));
  /* Read on a worker: the dialog asks only when every file is a copy of this
   * workbook. */
  fw_document_peek_copies_async (self->document, files, n_files, NULL, drop_peek_done_cb, peek);
  return TRUE;
}

void
_fw_window_class_add_team_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.collect", NULL, collect_action);
  gtk_widget_class_install_action (widget_class, "win.join-team", NULL, join_team_action);
}
