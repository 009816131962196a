/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-compare-dialog.h"
#include "fw-conflicts-page.h"
#include "fw-window-private.h"

/* Copies of the workbook made elsewhere — a member's, another branch's, a sync
 * client's conflicted copy: Compare With…, Merge Changes From…, and the offer to
 * merge a conflicted copy found beside the file. The conflicts a merge leaves are
 * the Conflicts section's (fw-conflicts-page.c). */

typedef enum
{
  WANT_COMPARE,
  WANT_MERGE,
} Want;

typedef struct
{
  FwWindow *window;
  GFile    *file;
  Want      want;
} ReadCopy;

static void
read_copy_free (ReadCopy *read)
{
  g_object_unref (read->window);
  g_object_unref (read->file);
  g_free (read);
}

static void read_copy (FwWindow *self,
                       GFile    *file,
                       Want      want);

/* The dialog closes itself after the signal. */
static void
merge_requested_cb (GtkWidget *dialog,
                    GFile     *file)
{
  FwWindow *self = FW_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  read_copy (self, file, WANT_MERGE);
}

static void
merge_read_copy (FwWindow   *self,
                 FwWorkbook *base,
                 FwWorkbook *theirs,
                 const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n_conflicts = 0;

  if (!fw_document_merge_copy (self->document, base, theirs, name, &n_conflicts, &error))
    {
      fw_window_show_error (self, _("Could Not Merge the Copy"), error->message);
      return;
    }
  /* Every item is a new object now: the undo steps of the old ones go. */
  _fw_window_contents_replaced (self);
  if (n_conflicts > 0 && base == NULL)
    /* TRANSLATORS: %s is a file name. No version both copies came from is known on
     * this computer, so each difference is a conflict to resolve. */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "No common version of “%s” is known: its %u "
                                            "difference is yours to choose",
                                            "No common version of “%s” is known: its %u "
                                            "differences are yours to choose",
                                            n_conflicts),
                               name, n_conflicts);
  else if (n_conflicts > 0)
    /* TRANSLATORS: %s is a file name; then how many fields both sides changed */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Merged “%s”: %u conflict to resolve",
                                            "Merged “%s”: %u conflicts to resolve",
                                            n_conflicts),
                               name, n_conflicts);
  else
    /* TRANSLATORS: %s is a file name */
    message = g_strdup_printf (_("Merged “%s”: no conflicts"), name);
  if (n_conflicts > 0)
    _fw_window_show_section (self, "conflicts");
  _fw_window_show_toast (self, message);
}

static void
read_copy_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ReadCopy *read = user_data;
  FwWindow *self = read->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) base = NULL;
  g_autoptr(FwWorkbook) theirs = NULL;
  g_autofree char *name = g_file_get_basename (read->file);

  theirs = fw_document_read_copy_finish (FW_DOCUMENT (source), result, &base, &error);
  if (self->disposed)
    {
      read_copy_free (read);
      return;
    }
  if (theirs == NULL)
    {
      fw_window_show_error (self, read->want == WANT_COMPARE ? _("Could Not Compare")
                                                             : _("Could Not Merge the Copy"),
                            error->message);
      read_copy_free (read);
      return;
    }
  if (read->want == WANT_COMPARE)
    {
      GtkWidget *dialog = fw_compare_dialog_new (GTK_WINDOW (self), _fw_window_workbook (self),
                                                 theirs, name);

      g_object_set_data_full (G_OBJECT (dialog), "fw-file", g_object_ref (read->file),
                              g_object_unref);
      g_signal_connect (dialog, "merge-requested", G_CALLBACK (merge_requested_cb),
                        read->file);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (base == NULL && fw_workbook_count_conflicts (_fw_window_workbook (self)) == 0)
    {
      /* No version both came from is known here: say what that means first. */
      g_autoptr(GPtrArray) changes = fw_diff (_fw_window_workbook (self), theirs);

      if (changes->len == 0)
        {
          g_autofree char *message = NULL;

          /* TRANSLATORS: %s is a file name */
          message = g_strdup_printf (_("“%s” is the same as this workbook"), name);
          _fw_window_show_toast (self, message);
        }
      else
        merge_read_copy (self, NULL, theirs, name);
    }
  else
    merge_read_copy (self, base, theirs, name);
  read_copy_free (read);
}

static void
read_copy (FwWindow *self,
           GFile    *file,
           Want      want)
{
  ReadCopy *read = g_new0 (ReadCopy, 1);

  read->window = g_object_ref (self);
  read->file = g_object_ref (file);
  read->want = want;
  fw_document_read_copy_async (self->document, file, NULL, read_copy_done_cb, read);
}

void
fw_window_compare_file (FwWindow *self,
                        GFile    *file)
{
  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  read_copy (self, file, WANT_COMPARE);
}

void
fw_window_merge_file (FwWindow *self,
                      GFile    *file)
{
  g_return_if_fail (FW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  read_copy (self, file, WANT_MERGE);
}

/* ------------------------------------------------------------------ choosing a copy */

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     FwWindow        *self)
{
  Want want = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "fw-want"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file)
        read_copy (self, file, want);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_copy (FwWindow *self,
             Want      want)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GFile *file = fw_document_get_file (self->document);

  dialog = gtk_file_chooser_native_new (want == WANT_COMPARE ? _("Compare With")
                                                             : _("Merge Changes From"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        want == WANT_COMPARE ? _("_Compare") : _("_Merge"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Copies of this workbook"));
  gtk_file_filter_add_pattern (filter, "*.flywheel");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (file)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }
  g_object_set_data (G_OBJECT (dialog), "fw-want", GINT_TO_POINTER (want));
  g_signal_connect (dialog, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
compare_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  choose_copy (FW_WINDOW (widget), WANT_COMPARE);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  choose_copy (FW_WINDOW (widget), WANT_MERGE);
}

/* ------------------------------------------------------------------ conflicted copies */

static void
conflicted_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        FwWindow         *self)
{
  GPtrArray *copies = g_object_get_data (G_OBJECT (dialog), "fw-copies");

  if (!g_str_equal (response, "merge"))
    return;
  for (guint i = 0; i < copies->len; i++)
    read_copy (self, copies->pdata[i], WANT_MERGE);
}

void
_fw_window_offer_conflicted_copies (FwWindow *self)
{
  GPtrArray *copies = fw_document_get_conflicted_copies (self->document);
  g_autoptr(GString) body = NULL;
  GtkWidget *dialog;

  if (copies == NULL || copies->len == 0)
    return;
  body = g_string_new (g_dngettext (GETTEXT_PACKAGE,
                                    "Two people saved this workbook at the same time, and "
                                    "the sync client kept the other version beside it:",
                                    "Two people saved this workbook at the same time, and "
                                    "the sync client kept the other versions beside it:",
                                    copies->len));
  for (guint i = 0; i < copies->len; i++)
    {
      g_autofree char *name = g_file_get_basename (copies->pdata[i]);

      g_string_append_printf (body, "\n• %s", name);
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("Merge it to keep the changes of both. The copy stays where it "
                           "is: delete it once the merged workbook is saved."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Conflicted Copy Found"), body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "later", _("_Not Now"),
                                    "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "merge");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "fw-copies", g_ptr_array_ref (copies),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflicted_response_cb), self, 0);
  gtk_widget_set_name (dialog, "conflicted-copies");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ the conflicts left */

/* The toast's Undo takes back its own resolution only: after Ctrl+Z or a newer
 * resolution it would take back another, so it does nothing then. (The toast is
 * not dismissed: libadwaita 1.2 crashes when a toast is dismissed while it is
 * still sliding in.) */
static void
undo_resolution_cb (AdwToast *toast,
                    FwWindow *self)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->content_stack, "conflicts");
  guint serial = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toast), "fw-serial"));

  if (page == NULL || serial != self->resolve_serial)
    return;
  fw_conflicts_page_undo (FW_CONFLICTS_PAGE (page));
  self->resolve_serial++;
  _fw_window_update_actions (self);
}

void
_fw_window_conflict_resolved_cb (FwWindow   *self,
                                 const char *toast_title)
{
  AdwToast *toast = adw_toast_new (toast_title);

  g_object_set_data (G_OBJECT (toast), "fw-serial", GUINT_TO_POINTER (++self->resolve_serial));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_resolution_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  _fw_window_update_actions (self);
}

FwConflictsPage *
_fw_window_conflicts_shown (FwWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);

  return page != NULL && FW_IS_CONFLICTS_PAGE (page) ? FW_CONFLICTS_PAGE (page) : NULL;
}

/* The Conflicts section is there while there are conflicts, with their count;
 * the titles say it too, so a merged workbook never looks done before it is. */
static void
workbook_changed_cb (FwWindow *self)
{
  guint n = fw_workbook_count_conflicts (_fw_window_workbook (self));
  g_autofree char *count = g_strdup_printf ("%u", n);
  gboolean shown = _fw_window_conflicts_shown (self) != NULL;

  if (n == self->n_conflicts && self->conflicts_row &&
      gtk_widget_get_visible (self->conflicts_row) == (n > 0 || shown))
    return;
  self->n_conflicts = n;
  gtk_label_set_text (self->conflicts_count, count);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_count), n > 0);
  /* The page stays while it is shown: it says "No Conflicts" then. */
  gtk_widget_set_visible (self->conflicts_row, n > 0 || shown);
  _fw_window_update_titles (self);
}

/* Undone from the keyboard: the last toast's Undo would take back the one before. */
void
_fw_window_resolution_undone (FwWindow *self)
{
  self->resolve_serial++;
}

void
_fw_window_init_merge (FwWindow *self)
{
  g_signal_connect_object (_fw_window_workbook (self), "changed",
                           G_CALLBACK (workbook_changed_cb), self, G_CONNECT_SWAPPED);
  self->n_conflicts = G_MAXUINT;
  workbook_changed_cb (self);
}

void
_fw_window_class_add_merge_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.compare", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "win.merge", NULL, merge_action);
}
