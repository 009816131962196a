/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-ui.h"
#include "fw-window.h"

const char *
fw_ui_verdict_icon_name (FwVerdict verdict)
{
  static const char *icons[] = {
    "content-loading-symbolic",   /* incomplete */
    "process-stop-symbolic",      /* losing */
    "dialog-warning-symbolic",    /* promising */
    "emblem-ok-symbolic",         /* winning */
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (icons) == FW_N_VERDICTS);

  g_return_val_if_fail (verdict < FW_N_VERDICTS, icons[0]);
  return icons[verdict];
}

void
fw_ui_set_verdict_style (GtkWidget *widget,
                         FwVerdict  verdict)
{
  /* Promising in the accent colour, as in the diagram, the chart and the report. */
  static const char *classes[] = { "dim-label", "error", "accent", "success" };
  G_STATIC_ASSERT (G_N_ELEMENTS (classes) == FW_N_VERDICTS);

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (verdict < FW_N_VERDICTS);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (widget, classes[i]);
  gtk_widget_add_css_class (widget, classes[verdict]);
}

void
fw_ui_show_error (GtkWindow  *parent,
                  const char *heading,
                  const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
popover_shown_cb (GtkWidget  *popover,
                  GParamSpec *pspec,
                  GtkWidget  *owner)
{
  gtk_widget_set_has_tooltip (owner, !gtk_widget_get_visible (popover) &&
                                     (gtk_widget_get_tooltip_text (owner) != NULL ||
                                      gtk_widget_get_tooltip_markup (owner) != NULL));
}

void
fw_ui_hide_tooltip_while_shown (GtkWidget *owner,
                                GtkWidget *popover)
{
  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (GTK_IS_POPOVER (popover));

  g_signal_connect_object (popover, "notify::visible", G_CALLBACK (popover_shown_cb), owner, 0);
}

/* Changed in place, not dismissed: libadwaita 1.2 frees a dismissed toast's
 * widget when its hiding (300 ms) ends, while a toast that came in as another
 * left may still be sliding in (500 ms), which then goes on with freed memory
 * (ui-merge crashed 1 run in 6). A toast no longer shown changes unseen. */
void
fw_ui_retell_toast (AdwToast   *toast,
                    const char *title)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (ADW_IS_TOAST (toast));
  g_return_if_fail (title != NULL);

  /* A toast's title is markup in libadwaita 1.2. */
  escaped = g_markup_escape_text (title, -1);
  adw_toast_set_title (toast, escaped);
  adw_toast_set_button_label (toast, NULL);
  adw_toast_set_action_name (toast, NULL);
}

GtkWindow *
fw_ui_get_window (GtkWidget *widget)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

FwDocument *
fw_ui_get_document (GtkWidget *widget)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  return FW_IS_WINDOW (root) ? fw_window_get_document (FW_WINDOW (root)) : NULL;
}

GtkWidget *
fw_ui_new_text (const char *text,
                const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

GtkWidget *
fw_ui_new_boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

gboolean
fw_ui_wrap_group_title (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "heading"))
        {
          gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_NONE);
          gtk_label_set_wrap (GTK_LABEL (child), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
          return TRUE;
        }
      if (fw_ui_wrap_group_title (child))
        return TRUE;
    }
  return FALSE;
}
