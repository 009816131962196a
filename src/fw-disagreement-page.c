/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-disagreement-page.h"
#include "fw-ui.h"

struct _FwDisagreementPage
{
  AdwBin       parent_instance;

  FwWorkbook  *workbook;
  GPtrArray   *ideas;      /* FwIdea, in the list's order */
  guint        rebuild_idle;
  GtkListBox  *list;
  GtkWidget   *empty_label;
};

G_DEFINE_FINAL_TYPE (FwDisagreementPage, fw_disagreement_page, ADW_TYPE_BIN)

enum {
  IDEA_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rebuild (FwDisagreementPage *self)
{
  g_autoptr(GPtrArray) order = NULL;
  GtkWidget *child;
  guint n_assessed = 0, n_hidden = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->ideas, 0);
  if (self->workbook == NULL)
    return;

  order = fw_team_order_by_disagreement (self->workbook);
  for (guint i = 0; i < order->len; i++)
    {
      FwIdea *idea = order->pdata[i];
      /* Blind until revealed: no figure, and the order put it last. */
      gboolean hidden = fw_team_hidden (idea);
      int agreement = hidden ? -1 : fw_team_agreement (idea);
      g_autofree char *title = fw_idea_dup_display_title (idea);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (agreement >= 0)
        {
          n_assessed++;
          /* TRANSLATORS: the agreement figure (0–100) and how many members assessed */
          subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Agreement %d of 100 · %u member assessed",
                                                   "Agreement %d of 100 · %u members assessed",
                                                   fw_idea_get_n_assessments (idea)),
                                      agreement, fw_idea_get_n_assessments (idea));
        }
      else if (hidden)
        {
          n_hidden++;
          /* TRANSLATORS: an idea whose members' assessments the PM has not revealed yet */
          subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "Hidden until revealed · %u member assessed",
                                                   "Hidden until revealed · %u members assessed",
                                                   fw_idea_get_n_assessments (idea)),
                                      fw_idea_get_n_assessments (idea));
        }
      else
        subtitle = g_strdup (_("Not enough assessments to compare"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->list, row);
      g_ptr_array_add (self->ideas, g_object_ref (idea));
    }
  /* Nothing to compare yet: say why — hidden, or not collected. */
  if (n_assessed == 0 && n_hidden > 0)
    gtk_label_set_text (GTK_LABEL (self->empty_label),
                        _("The team’s assessments are hidden until the product manager "
                          "reveals them (Reveal, in an idea’s Team part); then the order "
                          "to discuss them shows here."));
  else if (n_assessed == 0)
    gtk_label_set_text (GTK_LABEL (self->empty_label),
                        _("No idea has been assessed by two members yet. Collect the team’s "
                          "copies (Collect Assessments… in the main menu) to compare them."));
  gtk_widget_set_visible (self->empty_label, n_assessed == 0);
}

static gboolean
rebuild_idle (gpointer data)
{
  FwDisagreementPage *self = data;

  self->rebuild_idle = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Typing in an idea changes it many times a second: the order follows once idle. */
static void
workbook_changed_cb (FwDisagreementPage *self)
{
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add (rebuild_idle, self);
}

static void
row_activated_cb (FwDisagreementPage *self,
                  GtkListBoxRow      *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->ideas->len)
    g_signal_emit (self, signals[IDEA_ACTIVATED], 0, self->ideas->pdata[index]);
}

static void
fw_disagreement_page_dispose (GObject *object)
{
  FwDisagreementPage *self = FW_DISAGREEMENT_PAGE (object);

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  if (self->workbook)
    g_signal_handlers_disconnect_by_data (self->workbook, self);
  g_clear_object (&self->workbook);
  g_clear_pointer (&self->ideas, g_ptr_array_unref);
  G_OBJECT_CLASS (fw_disagreement_page_parent_class)->dispose (object);
}

static void
fw_disagreement_page_class_init (FwDisagreementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_disagreement_page_dispose;
  signals[IDEA_ACTIVATED] =
    g_signal_new ("idea-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, FW_TYPE_IDEA);
}

static void
fw_disagreement_page_init (FwDisagreementPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  self->ideas = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box),
                  fw_ui_new_text (_("The ideas in the order to discuss them: where the team "
                                    "agrees least comes first."), NULL));
  self->empty_label =
    fw_ui_new_text (_("No idea has been assessed by two members yet. Collect the team’s "
                      "copies (Collect Assessments… in the main menu) to compare them."),
                    "dim-label");
  gtk_widget_set_name (self->empty_label, "empty");
  gtk_box_append (GTK_BOX (box), self->empty_label);
  self->list = GTK_LIST_BOX (fw_ui_new_boxed_list ());
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  adw_bin_set_child (ADW_BIN (self), scroller);
}

GtkWidget *
fw_disagreement_page_new (void)
{
  return g_object_new (FW_TYPE_DISAGREEMENT_PAGE, NULL);
}

void
fw_disagreement_page_set_workbook (FwDisagreementPage *self,
                                   FwWorkbook         *workbook)
{
  g_return_if_fail (FW_IS_DISAGREEMENT_PAGE (self));

  if (self->workbook)
    g_signal_handlers_disconnect_by_data (self->workbook, self);
  g_set_object (&self->workbook, workbook);
  if (workbook)
    g_signal_connect_swapped (workbook, "changed", G_CALLBACK (workbook_changed_cb), self);
  rebuild (self);
}

GtkListBox *
fw_disagreement_page_get_list (FwDisagreementPage *self)
{
  g_return_val_if_fail (FW_IS_DISAGREEMENT_PAGE (self), NULL);
  return self->list;
}
