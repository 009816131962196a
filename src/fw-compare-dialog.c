/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-compare-dialog.h"
#include "fw-ui.h"

struct _FwCompareDialog
{
  AdwWindow   parent_instance;

  guint       n_differences;

  GtkWidget  *title;
  GtkWidget  *merge_button;
  GtkWidget  *action_bar;
  GtkWidget  *stack;
  GtkWidget  *empty;
  GtkLabel   *intro;
  GtkWidget  *groups_box;
};

G_DEFINE_FINAL_TYPE (FwCompareDialog, fw_compare_dialog, ADW_TYPE_WINDOW)

enum {
  MERGE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
merge_clicked_cb (FwCompareDialog *self)
{
  /* A handler may destroy the dialog: it lives until it is closed here. */
  g_autoptr(FwCompareDialog) alive = g_object_ref (self);

  g_signal_emit (self, signals[MERGE_REQUESTED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
same_item (const FwChange *a,
           const FwChange *b)
{
  return a->item == b->item && g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->member_id, b->member_id) == 0;
}

static char *
dup_verdict_label (JsonNode *node)
{
  FwVerdict verdict = FW_VERDICT_INCOMPLETE;
  const char *id = node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;

  if (id == NULL || !fw_verdict_from_id (id, &verdict))
    return g_strdup ("?");
  return g_strdup (fw_verdict_label (verdict));
}

/* The row of one change: what changed, and from what to what. */
static GtkWidget *
new_change_row (const FwChange *change,
                FwWorkbook     *mine,
                FwWorkbook     *other,
                const char     *other_name)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *line = fw_change_format (change, mine, other);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *subtitle = NULL;
  const char *title;

  switch (change->kind)
    {
    case FW_CHANGE_ADDED:
      title = _("Added");
      /* TRANSLATORS: an item the other copy has and this workbook has not; %s is the
       * other copy's name */
      subtitle = g_strdup_printf (_("Only in “%s”"), other_name);
      break;
    case FW_CHANGE_REMOVED:
      title = _("Removed");
      subtitle = g_strdup (_("Only in this workbook"));
      break;
    case FW_CHANGE_MOVED:
      title = _("Moved");
      subtitle = g_strdup (_("In another place in the list"));
      break;
    case FW_CHANGE_CONFLICTS:
      title = _("Unresolved conflicts");
      before = g_strdup_printf ("%u", (guint) json_node_get_int (change->before));
      after = g_strdup_printf ("%u", (guint) json_node_get_int (change->after));
      break;
    case FW_CHANGE_VERDICT:
      /* TRANSLATORS: an idea's verdict the rules derive, as it changes */
      title = _("Verdict");
      before = dup_verdict_label (change->before);
      after = dup_verdict_label (change->after);
      break;
    case FW_CHANGE_FIELD:
    default:
      title = fw_field_label (change->item, change->field ? change->field : "");
      before = fw_field_format_value (mine, change->item, change->field, change->before, 0);
      after = fw_field_format_value (other, change->item, change->field, change->after, 0);
      break;
    }
  if (subtitle == NULL && g_utf8_strlen (before, -1) + g_utf8_strlen (after, -1) > 60)
    /* TRANSLATORS: a long value in this workbook and in the other copy, on two lines */
    subtitle = g_strdup_printf (_("%s\n→ %s"), before, after);
  else if (subtitle == NULL)
    /* TRANSLATORS: a value in this workbook and in the other copy: "Anecdotal → Market data" */
    subtitle = g_strdup_printf (_("%s → %s"), before, after);

  gtk_widget_set_name (row, "difference");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* The whole line, item included, for a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  line, -1);
  return row;
}

static GtkWidget *
new_group (const FwChange *change,
           FwWorkbook     *mine,
           FwWorkbook     *other)
{
  GtkWidget *group = adw_preferences_group_new ();
  /* A removed item is named as this workbook has it, the others as the other copy. */
  FwWorkbook *terms = change->kind == FW_CHANGE_REMOVED ? mine : other;
  g_autofree char *title = fw_merge_describe_item (terms, change->item, change->id,
                                                   change->member_id);
  g_autofree char *markup = g_markup_escape_text (title, -1);

  gtk_widget_set_name (group, "difference-item");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), markup);
  fw_ui_wrap_group_title (group);
  return group;
}

static void
fill (FwCompareDialog *self,
      FwWorkbook      *mine,
      FwWorkbook      *other,
      const char      *other_name)
{
  g_autoptr(GPtrArray) changes = fw_diff (mine, other);
  g_autoptr(GPtrArray) firsts = g_ptr_array_new ();   /* the first change of each item */
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;

  self->n_differences = changes->len;
  /* TRANSLATORS: the title of the window comparing this workbook with another copy;
   * %s is the copy's name */
  title = g_strdup_printf (_("Compare With “%s”"), other_name);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u difference", "%u differences",
                                           changes->len), changes->len);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (ADW_WINDOW_TITLE (self->title), title);
  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->title), subtitle);

  /* TRANSLATORS: %s is the other copy's name */
  escaped = g_markup_escape_text (other_name, -1);
  /* (A status page's description is markup.) */
  text = g_strdup_printf (_("This workbook and “%s” have the same content."), escaped);
  adw_status_page_set_description (ADW_STATUS_PAGE (self->empty), text);
  g_clear_pointer (&text, g_free);
  /* TRANSLATORS: above the list of differences; %s is the other copy's name */
  text = g_strdup_printf (_("What changes from this workbook to “%s”, item by item."),
                          other_name);
  gtk_label_set_text (self->intro, text);

  /* One group per item, in the order of its first change: an idea's verdict comes
   * after its members' assessments, and joins the idea's group. */
  for (guint i = 0; i < changes->len; i++)
    {
      FwChange *change = changes->pdata[i];
      GtkWidget *group = NULL;

      for (guint g = 0; g < firsts->len && group == NULL; g++)
        if (same_item (firsts->pdata[g], change))
          group = groups->pdata[g];
      if (group == NULL)
        {
          group = new_group (change, mine, other);
          g_ptr_array_add (firsts, change);
          g_ptr_array_add (groups, group);
          gtk_box_append (GTK_BOX (self->groups_box), group);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 new_change_row (change, mine, other, other_name));
    }
  gtk_widget_set_visible (self->action_bar, changes->len > 0);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    changes->len ? "differences" : "empty");
}

static void
fw_compare_dialog_class_init (FwCompareDialogClass *klass)
{
  signals[MERGE_REQUESTED] =
    g_signal_new ("merge-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fw_compare_dialog_init (FwCompareDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 600);

  self->title = adw_window_title_new ("", "");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), self->title);
  self->merge_button = gtk_button_new_with_mnemonic (_("_Merge Changes…"));
  gtk_widget_set_name (self->merge_button, "merge-changes");
  gtk_widget_add_css_class (self->merge_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->merge_button,
                               _("Bring the other copy’s changes into this workbook"));
  g_signal_connect_swapped (self->merge_button, "clicked", G_CALLBACK (merge_clicked_cb), self);
  gtk_box_append (GTK_BOX (content), header);

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  self->empty = adw_status_page_new ();
  gtk_widget_set_name (self->empty, "no-differences");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->empty), _("No Differences"));
  gtk_stack_add_named (GTK_STACK (self->stack), self->empty, "empty");

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  self->intro = GTK_LABEL (fw_ui_new_text ("", NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->intro));
  self->groups_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_widget_set_name (self->groups_box, "differences");
  gtk_box_append (GTK_BOX (box), self->groups_box);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "differences");
  gtk_box_append (GTK_BOX (content), self->stack);
  /* Below the list, not in the header bar: at 360 px the title needs its width. */
  self->action_bar = gtk_action_bar_new ();
  gtk_action_bar_pack_end (GTK_ACTION_BAR (self->action_bar), self->merge_button);
  gtk_box_append (GTK_BOX (content), self->action_bar);
  adw_window_set_content (ADW_WINDOW (self), content);

  /* Escape closes it, as every dialog of the app. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                      gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

GtkWidget *
fw_compare_dialog_new (GtkWindow  *parent,
                       FwWorkbook *mine,
                       FwWorkbook *other,
                       const char *other_name)
{
  FwCompareDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FW_IS_WORKBOOK (mine), NULL);
  g_return_val_if_fail (FW_IS_WORKBOOK (other), NULL);

  self = g_object_new (FW_TYPE_COMPARE_DIALOG, "transient-for", parent, NULL);
  fill (self, mine, other, other_name ? other_name : "");
  return GTK_WIDGET (self);
}

guint
fw_compare_dialog_get_n_differences (FwCompareDialog *self)
{
  g_return_val_if_fail (FW_IS_COMPARE_DIALOG (self), 0);
  return self->n_differences;
}
