/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-case-library.h"
#include "fw-cases-page.h"
#include "fw-flywheel-view.h"
#include "fw-ui.h"

struct _FwCasesPage
{
  AdwBin        parent_instance;

  FwWorkbook   *workbook;
  guint         rebuild_idle;

  GtkStack     *stack;

  /* The list. */
  GtkImage     *count_icon;
  GtkLabel     *count_label;
  GtkLabel     *count_hint;
  GtkBox       *cases_box;
  GtkWidget    *library_button;
  GtkBox       *library_box;

  /* The editor for the PM's own case; editing is NULL for a new case. */
  FwCase       *editing;
  GtkLabel     *editor_title;
  AdwEntryRow  *name_row;
  AdwEntryRow  *summary_row;
  AdwEntryRow  *fact_rows[3];   /* problem, solution, impact */
  AdwEntryRow  *link_row;
  AdwComboRow  *task_row;
  AdwEntryRow  *why_rows[FW_N_STAGES];
  GtkWidget    *save_button;

  /* The deck's exercise on a library case. */
  FwCase       *exercise_case;
  int           exercise_index;
  GtkLabel     *exercise_title;
  GtkBox       *exercise_facts;
  AdwEntryRow  *mine_rows[FW_N_STAGES];
  GtkWidget    *example_cards[FW_N_STAGES];
  GtkLabel     *example_labels[FW_N_STAGES];
  GtkWidget    *reveal_button;
  GtkWidget    *keep_box;
  /* What the PM typed, by case id, kept while the page lives: char *[FW_N_STAGES]. */
  GHashTable   *drafts;

  /* The case as it was before the last change of its answers (Keep Mine, Use the
   * Example, restoring the deck's version), for the toast's Undo; same id. */
  FwCase       *undo_case;
  AdwToast     *undo_toast;     /* weak: the toast that offers to put it back */
};

/* The deck's facts of a case, in the order its slides give them. */
static const FwCaseText fact_fields[] = { FW_CASE_PROBLEM, FW_CASE_SOLUTION, FW_CASE_IMPACT };

G_DEFINE_FINAL_TYPE (FwCasesPage, fw_cases_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKBOOK,
  PROP_CAN_UNDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild    (FwCasesPage *self);
static void offer_undo (FwCasesPage *self,
                        FwCase      *before,
                        const char  *message);

/* Problem, solution and impact, each under its heading; nothing for an empty one. */
static void
append_facts (GtkBox *box,
              FwCase *item)
{
  for (guint f = 0; f < G_N_ELEMENTS (fact_fields); f++)
    {
      const char *text = fw_case_get_text (item, fact_fields[f]);
      GtkWidget *fact;

      if (*text == '\0')
        continue;
      fact = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_box_append (GTK_BOX (fact), fw_ui_new_text (fw_case_text_label (fact_fields[f]),
                                                "caption-heading"));
      gtk_box_append (GTK_BOX (fact), fw_ui_new_text (text, NULL));
      gtk_box_append (box, fact);
    }
}

/* A scrolled, clamped column: the shape of each of the page's three views. */
static GtkWidget *
new_column (GtkStack   *stack,
            const char *name,
            GtkWidget **box_out)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_named (stack, scroller, name);
  *box_out = box;
  return scroller;
}

static void
draft_free (gpointer data)
{
  g_strfreev (data);
}

/* The list of cases */

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  FwCasesPage *self = user_data;

  self->rebuild_idle = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (FwCasesPage *self)
{
  /* Idle: a change may come from a button inside the card about to be replaced. */
  if (self->rebuild_idle == 0)
    self->rebuild_idle = g_idle_add (rebuild_idle_cb, self);
}

static void
link_clicked_cb (GtkButton *button,
                 FwCase    *item)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  const char *link = fw_case_get_text (item, FW_CASE_LINK);
  g_autofree char *uri = NULL;

  /* A link typed without a scheme ("aws.amazon.com/…") still opens in the browser. */
  if (g_uri_peek_scheme (link) == NULL)
    uri = g_strconcat ("https://", link, NULL);
  else
    uri = g_strdup (link);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
show_editor (FwCasesPage *self,
             FwCase      *item)
{
  g_set_object (&self->editing, item);
  gtk_label_set_text (self->editor_title, item ? _("Edit Case") : _("Add Your Own Case"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), item ? fw_case_get_name (item) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row),
                         item ? fw_case_get_text (item, FW_CASE_SUMMARY) : "");
  for (guint f = 0; f < G_N_ELEMENTS (fact_fields); f++)
    gtk_editable_set_text (GTK_EDITABLE (self->fact_rows[f]),
                           item ? fw_case_get_text (item, fact_fields[f]) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->link_row),
                         item ? fw_case_get_text (item, FW_CASE_LINK) : "");
  adw_combo_row_set_selected (self->task_row, item ? fw_case_get_task (item) : 0);
  for (guint s = 0; s < FW_N_STAGES; s++)
    gtk_editable_set_text (GTK_EDITABLE (self->why_rows[s]),
                           item ? fw_case_get_why (item, s) : "");
  gtk_stack_set_visible_child_name (self->stack, "editor");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
edit_clicked_cb (GtkButton *button,
                 FwCase    *item)
{
  FwCasesPage *self = FW_CASES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                              FW_TYPE_CASES_PAGE));

  show_editor (self, item);
}

static void
update_reveal_sensitivity (FwCasesPage *self)
{
  gboolean any = FALSE;

  for (guint s = 0; s < FW_N_STAGES; s++)
    if (*gtk_editable_get_text (GTK_EDITABLE (self->mine_rows[s])) != '\0')
      any = TRUE;
  gtk_widget_set_sensitive (self->reveal_button, any);
}

static void
show_exercise (FwCasesPage *self,
               FwCase      *item)
{
  int index = fw_case_library_find (fw_case_get_id (item));
  char **draft = g_hash_table_lookup (self->drafts, fw_case_get_id (item));
  g_autofree char *title = NULL;

  g_return_if_fail (index >= 0);

  g_set_object (&self->exercise_case, item);
  self->exercise_index = index;
  /* TRANSLATORS: the deck's exercise; %s is a company, e.g. "Intuit". */
  title = g_strdup_printf (_("What makes %s a winning pattern?"),
                           fw_case_library_get_company (index));
  gtk_label_set_text (self->exercise_title, title);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->exercise_facts))))
      gtk_box_remove (self->exercise_facts, child);
    gtk_box_append (self->exercise_facts, fw_ui_new_text (fw_case_get_name (item), "heading"));
    append_facts (self->exercise_facts, item);
  }

  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      const char *example = fw_case_library_get_example_why (index, s);
      const char *current = fw_case_get_why (item, s);
      const char *mine = "";

      /* Start from what the PM typed before, or from answers of theirs already kept. */
      if (draft)
        mine = draft[s];
      else if (g_strcmp0 (current, example) != 0)
        mine = current;
      gtk_editable_set_text (GTK_EDITABLE (self->mine_rows[s]), mine);
      gtk_label_set_text (self->example_labels[s], example);
      gtk_widget_set_visible (self->example_cards[s], FALSE);
    }
  gtk_widget_set_visible (self->reveal_button, TRUE);
  gtk_widget_set_visible (self->keep_box, FALSE);
  update_reveal_sensitivity (self);
  gtk_stack_set_visible_child_name (self->stack, "exercise");
  gtk_widget_grab_focus (GTK_WIDGET (self->mine_rows[0]));
}

static void
exercise_clicked_cb (GtkButton *button,
                     FwCase    *item)
{
  FwCasesPage *self = FW_CASES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                              FW_TYPE_CASES_PAGE));

  show_exercise (self, item);
}

/* Removing is immediate and undoable, as elsewhere in the app. */
typedef struct
{
  FwWorkbook *workbook;
  FwCase     *item;
  guint       position;
} RemovedCase;

static void
removed_case_free (gpointer data)
{
  RemovedCase *removed = data;

  g_clear_object (&removed->workbook);
  g_clear_object (&removed->item);
  g_free (removed);
}

static void
removed_case_notify (gpointer  data,
                     GClosure *closure)
{
  removed_case_free (data);
}

static void
undo_remove_cb (AdwToast    *toast,
                RemovedCase *removed)
{
  if (fw_workbook_find_case (removed->workbook, fw_case_get_id (removed->item), NULL) == NULL)
    fw_workbook_insert_case (removed->workbook, removed->position, removed->item);
}

static void
remove_clicked_cb (GtkButton *button,
                   FwCase    *item)
{
  FwCasesPage *self = FW_CASES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                              FW_TYPE_CASES_PAGE));
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *message = NULL;
  RemovedCase *removed;
  AdwToast *toast;
  guint position;

  if (self == NULL || self->workbook == NULL ||
      fw_workbook_find_case (self->workbook, fw_case_get_id (item), &position) != item)
    return;

  removed = g_new0 (RemovedCase, 1);
  removed->workbook = g_object_ref (self->workbook);
  removed->item = g_object_ref (item);
  removed->position = position;
  /* TRANSLATORS: a toast after removing a case; %s is its name */
  message = g_strdup_printf (_("“%s” removed"), fw_case_get_name (item));
  fw_workbook_remove_case (self->workbook, position);

  if (overlay == NULL)
    {
      removed_case_free (removed);
      return;
    }
  {
    /* A toast's title is markup: the case's name is text. */
    g_autofree char *escaped = g_markup_escape_text (message, -1);

    toast = adw_toast_new (escaped);
  }
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_remove_cb), removed,
                         removed_case_notify, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
case_changed_cb (FwCase    *item,
                 GtkWidget *card)
{
  FwCasesPage *self = FW_CASES_PAGE (gtk_widget_get_ancestor (card, FW_TYPE_CASES_PAGE));

  if (self)
    schedule_rebuild (self);
}

static GtkWidget *
new_case_card (FwCasesPage *self,
               FwCase      *item,
               guint        number)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *whys = fw_ui_new_boxed_list ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label;
  GtkWidget *button;
  const char *name = fw_case_get_name (item);
  const char *summary = fw_case_get_text (item, FW_CASE_SUMMARY);
  const char *link = fw_case_get_text (item, FW_CASE_LINK);
  gboolean from_library = fw_case_library_find (fw_case_get_id (item)) >= 0;
  g_autofree char *title = g_strdup_printf ("%u. %s", number, *name ? name : _("Untitled case"));

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (inner, 14);
  gtk_widget_set_margin_bottom (inner, 14);
  gtk_widget_set_margin_start (inner, 14);
  gtk_widget_set_margin_end (inner, 14);

  label = fw_ui_new_text (title, "title-4");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (head), label);
  if (from_library)
    {
      label = gtk_label_new (_("From the workshop deck"));
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (head), label);
    }
  gtk_box_append (GTK_BOX (inner), head);

  if (fw_case_get_task (item) != FW_TASK_UNDECIDED)
    {
      /* TRANSLATORS: %s is an ML task, e.g. "Classification". */
      g_autofree char *task = g_strdup_printf (_("ML task: %s"),
                                               fw_task_label (fw_case_get_task (item)));
      gtk_box_append (GTK_BOX (inner), fw_ui_new_text (task, "dim-label"));
    }
  if (*summary)
    gtk_box_append (GTK_BOX (inner), fw_ui_new_text (summary, NULL));
  append_facts (GTK_BOX (inner), item);
  if (*link)
    {
      button = gtk_button_new_with_label (link);
      gtk_widget_add_css_class (button, "link");
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))),
                               PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_set_tooltip_text (button, _("Open in the web browser"));
      g_signal_connect_object (button, "clicked", G_CALLBACK (link_clicked_cb), item, 0);
      gtk_box_append (GTK_BOX (inner), button);
    }

  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      GtkWidget *row = adw_action_row_new ();
      const char *why = fw_case_get_why (item, s);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fw_stage_question (s));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), *why ? why : _("Not answered yet"));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (GTK_LIST_BOX (whys), row);
    }
  gtk_box_append (GTK_BOX (inner), whys);

  {
    /* The case's loop, drawn by the same renderer as an idea's. */
    GtkWidget *view = fw_flywheel_view_new ();

    fw_flywheel_view_set_case (FW_FLYWHEEL_VIEW (view), item);
    g_object_bind_property (adw_style_manager_get_default (), "dark", view, "dark",
                            G_BINDING_SYNC_CREATE);
    gtk_widget_set_margin_top (view, 6);
    gtk_widget_set_size_request (view, -1, 380);
    gtk_box_append (GTK_BOX (inner), view);
  }

  if (from_library)
    {
      button = gtk_button_new_with_mnemonic (_("_Exercise"));
      gtk_widget_set_name (button, "exercise");
      gtk_widget_set_tooltip_text (button, _("Answer the four questions yourself, then "
                                             "compare with the deck's example answers"));
      g_signal_connect_object (button, "clicked", G_CALLBACK (exercise_clicked_cb), item, 0);
      gtk_box_append (GTK_BOX (buttons), button);
    }
  button = gtk_button_new_with_mnemonic (_("_Edit"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (edit_clicked_cb), item, 0);
  gtk_box_append (GTK_BOX (buttons), button);
  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (button, _("Remove Case"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove Case"), -1);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  g_signal_connect_object (button, "clicked", G_CALLBACK (remove_clicked_cb), item, 0);
  gtk_box_append (GTK_BOX (buttons), button);
  gtk_box_append (GTK_BOX (inner), buttons);

  gtk_box_append (GTK_BOX (card), inner);
  g_signal_connect_object (item, "changed", G_CALLBACK (case_changed_cb), card, 0);
  return card;
}

static void
update_count (FwCasesPage *self,
              guint        n)
{
  g_autofree char *count = NULL;
  g_autofree char *hint = NULL;
  const char *icon;

  /* TRANSLATORS: the number of cases in the workbook against the homework's range. */
  count = g_strdup_printf (ngettext ("%u case — the homework asks for 2 to 6",
                                     "%u cases — the homework asks for 2 to 6", n), n);
  if (n < FW_HOMEWORK_MIN_CASES)
    {
      guint missing = FW_HOMEWORK_MIN_CASES - n;

      hint = g_strdup_printf (ngettext ("Add %u more case that could apply to your product.",
                                        "Add %u more cases that could apply to your product.",
                                        missing), missing);
      icon = "dialog-information-symbolic";
    }
  else if (n > FW_HOMEWORK_MAX_CASES)
    {
      hint = g_strdup (_("More than the homework asks for: keep the six that fit your "
                         "product best."));
      icon = "dialog-warning-symbolic";
    }
  else
    {
      hint = g_strdup (_("Enough for the homework. Discuss in your team why the winning "
                         "pattern holds for each."));
      icon = "emblem-ok-symbolic";
    }
  gtk_label_set_text (self->count_label, count);
  gtk_label_set_text (self->count_hint, hint);
  gtk_image_set_from_icon_name (self->count_icon, icon);
}

static void
rebuild (FwCasesPage *self)
{
  GtkWidget *child;
  guint n = self->workbook ? fw_workbook_get_n_cases (self->workbook) : 0;
  guint i = 0;

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cases_box))))
    gtk_box_remove (self->cases_box, child);

  for (guint c = 0; c < n; c++)
    gtk_box_append (self->cases_box,
                    new_case_card (self, fw_workbook_get_case (self->workbook, c), c + 1));
  if (n == 0)
    gtk_box_append (self->cases_box,
                    fw_ui_new_text (_("No cases yet. Start with the deck's three, or add a case "
                                "you know."), "dim-label"));

  /* A library case already in the workbook as the deck has it cannot be added twice;
   * one the PM changed can be brought back as the deck has it. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->library_box)); child;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      FwCase *present = self->workbook
        ? fw_workbook_find_case (self->workbook, fw_case_library_get_id (i), NULL) : NULL;
      g_autoptr(FwCase) deck = present ? fw_case_library_new_case (i) : NULL;
      gboolean unchanged = present && fw_case_equal (present, deck);
      const char *tooltip = NULL;

      if (unchanged)
        tooltip = _("Already in this workbook");
      else if (present)
        tooltip = _("In this workbook with your changes: bring back the deck's version");
      gtk_widget_set_sensitive (child, self->workbook && !unchanged);
      gtk_widget_set_tooltip_text (child, tooltip);
    }
  gtk_widget_set_sensitive (self->library_button, self->workbook != NULL);
  update_count (self, n);
}

static void
library_case_clicked_cb (GtkButton   *button,
                         FwCasesPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "fw-index"));
  g_autoptr(FwCase) item = NULL;
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_POPOVER);

  FwCase *present;

  if (popover)
    gtk_popover_popdown (GTK_POPOVER (popover));
  if (self->workbook == NULL)
    return;
  item = fw_case_library_new_case (index);
  present = fw_workbook_find_case (self->workbook, fw_case_library_get_id (index), NULL);
  if (present == NULL)
    fw_workbook_append_case (self->workbook, item);
  else if (!fw_case_equal (present, item))
    {
      /* The PM changed the deck's case: bring the deck's version back in its place
       * (one case per id), with the PM's version a click away. */
      g_autoptr(FwCase) before = fw_case_copy (present);
      g_autofree char *message = NULL;

      fw_case_set_from (present, item);
      /* TRANSLATORS: a toast; %s is a case's name. */
      message = g_strdup_printf (_("“%s” is the deck's version again"),
                                 fw_case_get_name (present));
      offer_undo (self, before, message);
    }
}

static void
add_own_clicked_cb (FwCasesPage *self)
{
  if (self->workbook)
    show_editor (self, NULL);
}

static void
back_to_list (FwCasesPage *self)
{
  g_clear_object (&self->editing);
  g_clear_object (&self->exercise_case);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
update_save_sensitivity (FwCasesPage *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  gtk_widget_set_sensitive (self->save_button, *stripped != '\0');
}

static void
save_clicked_cb (FwCasesPage *self)
{
  g_autoptr(FwCase) item = NULL;
  g_autofree char *name = NULL;
  guint task;

  if (self->workbook == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (*name == '\0')
    return;

  item = self->editing ? g_object_ref (self->editing) : fw_case_new ();
  fw_case_set_text (item, FW_CASE_NAME, name);
  fw_case_set_text (item, FW_CASE_SUMMARY,
                    gtk_editable_get_text (GTK_EDITABLE (self->summary_row)));
  for (guint f = 0; f < G_N_ELEMENTS (fact_fields); f++)
    fw_case_set_text (item, fact_fields[f],
                      gtk_editable_get_text (GTK_EDITABLE (self->fact_rows[f])));
  fw_case_set_text (item, FW_CASE_LINK, gtk_editable_get_text (GTK_EDITABLE (self->link_row)));
  task = adw_combo_row_get_selected (self->task_row);
  fw_case_set_task (item, task < FW_N_TASKS ? (FwTask) task : FW_TASK_UNDECIDED);
  for (guint s = 0; s < FW_N_STAGES; s++)
    fw_case_set_why (item, s, gtk_editable_get_text (GTK_EDITABLE (self->why_rows[s])));
  if (self->editing == NULL)
    fw_workbook_append_case (self->workbook, item);
  back_to_list (self);
}

static void
save_draft (FwCasesPage *self)
{
  char **draft;

  if (self->exercise_case == NULL)
    return;
  draft = g_new0 (char *, FW_N_STAGES + 1);
  for (guint s = 0; s < FW_N_STAGES; s++)
    draft[s] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->mine_rows[s])));
  g_hash_table_replace (self->drafts, g_strdup (fw_case_get_id (self->exercise_case)), draft);
}

static void
mine_changed_cb (FwCasesPage *self)
{
  update_reveal_sensitivity (self);
}

static void
reveal_clicked_cb (FwCasesPage *self)
{
  save_draft (self);
  for (guint s = 0; s < FW_N_STAGES; s++)
    gtk_widget_set_visible (self->example_cards[s], TRUE);
  gtk_widget_set_visible (self->reveal_button, FALSE);
  gtk_widget_set_visible (self->keep_box, TRUE);
}

/* @before (NULL: none) is what the last change of a case's answers replaced. */
static void
set_undo_case (FwCasesPage *self,
               FwCase      *before)
{
  gboolean could = self->undo_case != NULL;

  g_set_object (&self->undo_case, before);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.undo-answers", before != NULL);
  if (could != (before != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
undo_toast_clicked_cb (AdwToast    *toast,
                       FwCasesPage *self)
{
  /* Only the latest change can be undone: an older toast's button does nothing. */
  if (self->undo_case != NULL && g_object_get_data (G_OBJECT (toast), "fw-before") ==
      (gpointer) self->undo_case)
    {
      /* It goes as it is clicked: nothing to say in it. */
      g_clear_weak_pointer (&self->undo_toast);
      gtk_widget_activate_action (GTK_WIDGET (self), "cases.undo-answers", NULL);
    }
}

/* Called after a change to @before's case: offers to put @before back. */
static void
offer_undo (FwCasesPage *self,
            FwCase      *before,
            const char  *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  set_undo_case (self, before);
  if (overlay == NULL)
    return;
  {
    /* A toast's title is markup: the case's name is text. */
    g_autofree char *escaped = g_markup_escape_text (message, -1);

    toast = adw_toast_new (escaped);
  }
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "fw-before", g_object_ref (before), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_clicked_cb), self, 0);
  g_set_weak_pointer (&self->undo_toast, toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
undo_answers_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  fw_cases_page_undo (FW_CASES_PAGE (widget));
}

static void
keep_mine_clicked_cb (FwCasesPage *self)
{
  g_autoptr(FwCase) before = NULL;
  g_autofree char *message = NULL;
  FwCase *item = self->exercise_case;

  if (item == NULL)
    return;
  save_draft (self);
  before = fw_case_copy (item);
  /* A question left blank keeps the answer it has (the deck's, or one kept before). */
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_autofree char *mine =
        g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->mine_rows[s]))));

      if (*mine != '\0')
        fw_case_set_why (item, s, mine);
    }
  if (!fw_case_equal (before, item))
    {
      /* TRANSLATORS: a toast after the exercise; %s is the case's name. */
      message = g_strdup_printf (_("Your answers are now in “%s”"), fw_case_get_name (item));
      offer_undo (self, before, message);
    }
  back_to_list (self);
}

static void
use_example_clicked_cb (FwCasesPage *self)
{
  g_autoptr(FwCase) before = NULL;
  g_autofree char *message = NULL;
  FwCase *item = self->exercise_case;

  if (item == NULL)
    return;
  save_draft (self);
  before = fw_case_copy (item);
  for (guint s = 0; s < FW_N_STAGES; s++)
    fw_case_set_why (item, s, fw_case_library_get_example_why (self->exercise_index, s));
  if (!fw_case_equal (before, item))
    {
      /* TRANSLATORS: a toast after the exercise; %s is the case's name. */
      message = g_strdup_printf (_("The deck's example answers are now in “%s”"),
                                 fw_case_get_name (item));
      offer_undo (self, before, message);
    }
  back_to_list (self);
}

static void
exercise_back_clicked_cb (FwCasesPage *self)
{
  save_draft (self);
  back_to_list (self);
}

static GtkWidget *
new_back_button (void)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "go-previous-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Cases"));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  return button;
}

static void
build_list (FwCasesPage *self)
{
  GtkWidget *box;
  GtkWidget *count = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *count_text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *actions = gtk_flow_box_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *add_own;

  new_column (self->stack, "list", &box);
  gtk_box_append (GTK_BOX (box), fw_ui_new_text (_("Best-practice cases"), "title-1"));
  gtk_box_append (GTK_BOX (box),
                  fw_ui_new_text (_("Cases where ML made the winning pattern turn, and why it holds "
                              "for each: from other companies, or already done in your own "
                              "company."), NULL));

  self->count_icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->count_icon), GTK_ALIGN_START);
  self->count_label = GTK_LABEL (fw_ui_new_text (NULL, "heading"));
  gtk_widget_set_name (GTK_WIDGET (self->count_label), "case-count");
  self->count_hint = GTK_LABEL (fw_ui_new_text (NULL, "dim-label"));
  gtk_box_append (GTK_BOX (count_text), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (count_text), GTK_WIDGET (self->count_hint));
  gtk_box_append (GTK_BOX (count), GTK_WIDGET (self->count_icon));
  gtk_box_append (GTK_BOX (count), count_text);
  gtk_box_append (GTK_BOX (box), count);

  self->library_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  for (guint i = 0; i < fw_case_library_get_n_cases (); i++)
    {
      g_autoptr(FwCase) item = fw_case_library_new_case (i);
      GtkWidget *button = gtk_button_new_with_label (fw_case_get_name (item));
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));
      g_autofree char *name = g_strdup_printf ("library-case-%u", i);

      gtk_widget_set_name (button, name);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "fw-index", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (library_case_clicked_cb), self);
      gtk_box_append (self->library_box, button);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->library_box));
  self->library_button = gtk_menu_button_new ();
  gtk_widget_set_name (self->library_button, "add-from-library");
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->library_button), _("Add From the Deck"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->library_button), popover);
  gtk_widget_set_tooltip_text (self->library_button,
                               _("The workshop deck's cases: Intuit, Pomelo and Fraud.net"));
  add_own = gtk_button_new_with_mnemonic (_("_Add Your Own Case"));
  gtk_widget_set_name (add_own, "add-own-case");
  gtk_widget_add_css_class (add_own, "suggested-action");
  g_signal_connect_swapped (add_own, "clicked", G_CALLBACK (add_own_clicked_cb), self);
  /* Side by side, or one above the other in a narrow window. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (actions), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (actions), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (actions), 8);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (actions), 8);
  /* Filling the width: a flow box aligned to one side is measured for one row and
   * laid out in two. */
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (actions), TRUE);
  gtk_flow_box_append (GTK_FLOW_BOX (actions), self->library_button);
  gtk_flow_box_append (GTK_FLOW_BOX (actions), add_own);
  gtk_box_append (GTK_BOX (box), actions);

  self->cases_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->cases_box));
}

static AdwEntryRow *
new_entry_row (GtkWidget  *list,
               const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return ADW_ENTRY_ROW (row);
}

static void
build_editor (FwCasesPage *self)
{
  GtkWidget *box;
  GtkWidget *back = new_back_button ();
  GtkWidget *about = fw_ui_new_boxed_list ();
  GtkWidget *whys = fw_ui_new_boxed_list ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *cancel;
  g_autoptr(GtkStringList) tasks = gtk_string_list_new (NULL);

  new_column (self->stack, "editor", &box);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (back_to_list), self);
  gtk_box_append (GTK_BOX (box), back);
  self->editor_title = GTK_LABEL (fw_ui_new_text (NULL, "title-1"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->editor_title));

  self->name_row = new_entry_row (about, _("Case name"));
  gtk_widget_set_name (GTK_WIDGET (self->name_row), "case-name");
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (update_save_sensitivity),
                            self);
  self->summary_row = new_entry_row (about, fw_case_text_label (FW_CASE_SUMMARY));
  for (guint f = 0; f < G_N_ELEMENTS (fact_fields); f++)
    {
      g_autofree char *name = g_strdup_printf ("case-%s",
                                               fw_case_text_property_name (fact_fields[f]));

      self->fact_rows[f] = new_entry_row (about, fw_case_text_label (fact_fields[f]));
      gtk_widget_set_name (GTK_WIDGET (self->fact_rows[f]), name);
    }
  self->link_row = new_entry_row (about, fw_case_text_label (FW_CASE_LINK));
  for (guint t = 0; t < FW_N_TASKS; t++)
    gtk_string_list_append (tasks, fw_task_label (t));
  self->task_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->task_row), _("ML task"));
  adw_combo_row_set_model (self->task_row, G_LIST_MODEL (tasks));
  gtk_list_box_append (GTK_LIST_BOX (about), GTK_WIDGET (self->task_row));
  gtk_box_append (GTK_BOX (box), about);

  gtk_box_append (GTK_BOX (box), fw_ui_new_text (_("Why does the winning pattern hold?"), "heading"));
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_autofree char *name = g_strdup_printf ("why-%u", s);

      self->why_rows[s] = new_entry_row (whys, fw_stage_question (s));
      gtk_widget_set_name (GTK_WIDGET (self->why_rows[s]), name);
    }
  gtk_box_append (GTK_BOX (box), whys);

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_add_css_class (cancel, "pill");
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (back_to_list), self);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save Case"));
  gtk_widget_set_name (self->save_button, "save-case");
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_add_css_class (self->save_button, "pill");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), self->save_button);
  gtk_box_append (GTK_BOX (box), buttons);
  update_save_sensitivity (self);
}

static void
build_exercise (FwCasesPage *self)
{
  GtkWidget *box;
  GtkWidget *back = new_back_button ();
  GtkWidget *keep_mine;
  GtkWidget *use_example;

  new_column (self->stack, "exercise", &box);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (exercise_back_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), back);
  gtk_box_append (GTK_BOX (box), fw_ui_new_text (_("Exercise"), "dim-label"));
  self->exercise_title = GTK_LABEL (fw_ui_new_text (NULL, "title-1"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->exercise_title));
  self->exercise_facts = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 8));
  gtk_widget_set_name (GTK_WIDGET (self->exercise_facts), "exercise-facts");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->exercise_facts));
  gtk_box_append (GTK_BOX (box),
                  fw_ui_new_text (_("Answer the four questions in your own words first. Then "
                              "compare with the deck's example answers. A question you leave "
                              "blank keeps the answer the case has now."), NULL));

  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      GtkWidget *pair = gtk_flow_box_new ();
      GtkWidget *mine = fw_ui_new_boxed_list ();
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      g_autofree char *name = g_strdup_printf ("mine-%u", s);

      /* Side by side when there is room, the example under the answer when not. */
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (pair), GTK_SELECTION_NONE);
      gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (pair), TRUE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (pair), 2);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (pair), 12);
      gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (pair), 12);
      gtk_box_append (GTK_BOX (box), fw_ui_new_text (fw_stage_question (s), "heading"));
      self->mine_rows[s] = new_entry_row (mine, _("Your answer"));
      gtk_widget_set_name (GTK_WIDGET (self->mine_rows[s]), name);
      g_signal_connect_swapped (self->mine_rows[s], "changed", G_CALLBACK (mine_changed_cb),
                                self);
      gtk_widget_set_valign (mine, GTK_ALIGN_START);
      gtk_flow_box_append (GTK_FLOW_BOX (pair), mine);

      gtk_widget_add_css_class (card, "card");
      self->example_labels[s] = GTK_LABEL (fw_ui_new_text (NULL, NULL));
      /* A long answer would otherwise push its card under the PM's own. */
      gtk_label_set_max_width_chars (self->example_labels[s], 20);
      {
        GtkWidget *caption = fw_ui_new_text (_("The deck's example answer"), "caption-heading");

        gtk_widget_add_css_class (caption, "accent");
        gtk_widget_set_margin_top (caption, 10);
        gtk_widget_set_margin_start (caption, 14);
        gtk_widget_set_margin_end (caption, 14);
        gtk_box_append (GTK_BOX (card), caption);
      }
      gtk_widget_set_margin_bottom (GTK_WIDGET (self->example_labels[s]), 10);
      gtk_widget_set_margin_start (GTK_WIDGET (self->example_labels[s]), 14);
      gtk_widget_set_margin_end (GTK_WIDGET (self->example_labels[s]), 14);
      gtk_box_append (GTK_BOX (card), GTK_WIDGET (self->example_labels[s]));
      self->example_cards[s] = card;
      gtk_flow_box_append (GTK_FLOW_BOX (pair), card);
      gtk_box_append (GTK_BOX (box), pair);
    }

  self->reveal_button = gtk_button_new_with_mnemonic (_("_Reveal the Example Answers"));
  gtk_widget_set_name (self->reveal_button, "reveal-examples");
  gtk_widget_add_css_class (self->reveal_button, "suggested-action");
  gtk_widget_add_css_class (self->reveal_button, "pill");
  gtk_widget_set_halign (self->reveal_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->reveal_button, "clicked", G_CALLBACK (reveal_clicked_cb),
                            self);
  gtk_box_append (GTK_BOX (box), self->reveal_button);

  self->keep_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->keep_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->keep_box), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->keep_box), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->keep_box), 12);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->keep_box), TRUE);
  keep_mine = gtk_button_new_with_mnemonic (_("_Keep Mine"));
  gtk_widget_set_name (keep_mine, "keep-mine");
  gtk_widget_add_css_class (keep_mine, "suggested-action");
  gtk_widget_add_css_class (keep_mine, "pill");
  gtk_widget_set_halign (keep_mine, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (keep_mine, "clicked", G_CALLBACK (keep_mine_clicked_cb), self);
  use_example = gtk_button_new_with_mnemonic (_("_Use the Example"));
  gtk_widget_set_name (use_example, "use-example");
  gtk_widget_add_css_class (use_example, "pill");
  gtk_widget_set_halign (use_example, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (use_example, "clicked", G_CALLBACK (use_example_clicked_cb), self);
  gtk_flow_box_append (GTK_FLOW_BOX (self->keep_box), use_example);
  gtk_flow_box_append (GTK_FLOW_BOX (self->keep_box), keep_mine);
  gtk_box_append (GTK_BOX (box), self->keep_box);
}

static void
fw_cases_page_dispose (GObject *object)
{
  FwCasesPage *self = (FwCasesPage *)object;

  g_clear_handle_id (&self->rebuild_idle, g_source_remove);
  if (self->workbook)
    g_signal_handlers_disconnect_by_data (fw_workbook_get_cases (self->workbook), self);
  g_clear_object (&self->workbook);
  g_clear_object (&self->editing);
  g_clear_object (&self->exercise_case);
  g_clear_object (&self->undo_case);
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_pointer (&self->drafts, g_hash_table_unref);

  G_OBJECT_CLASS (fw_cases_page_parent_class)->dispose (object);
}

static void
fw_cases_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FwCasesPage *self = FW_CASES_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, self->workbook);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->undo_case != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_cases_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FwCasesPage *self = FW_CASES_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      fw_cases_page_set_workbook (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_cases_page_class_init (FwCasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_cases_page_dispose;
  object_class->get_property = fw_cases_page_get_property;
  object_class->set_property = fw_cases_page_set_property;

  properties[PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL, FW_TYPE_WORKBOOK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The window enables Undo (Ctrl+Z) by it while the page is shown. */
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "fwcasespage");
  gtk_widget_class_install_action (widget_class, "cases.undo-answers", NULL,
                                   undo_answers_action);
}

static void
fw_cases_page_init (FwCasesPage *self)
{
  self->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, draft_free);
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  build_list (self);
  build_editor (self);
  build_exercise (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.undo-answers", FALSE);
  rebuild (self);
}

GtkWidget *
fw_cases_page_new (void)
{
  return g_object_new (FW_TYPE_CASES_PAGE, NULL);
}

FwWorkbook *
fw_cases_page_get_workbook (FwCasesPage *self)
{
  g_return_val_if_fail (FW_IS_CASES_PAGE (self), NULL);
  return self->workbook;
}

void
fw_cases_page_set_workbook (FwCasesPage *self,
                            FwWorkbook  *workbook)
{
  g_return_if_fail (FW_IS_CASES_PAGE (self));
  g_return_if_fail (workbook == NULL || FW_IS_WORKBOOK (workbook));

  if (self->workbook == workbook)
    return;

  if (self->workbook)
    g_signal_handlers_disconnect_by_data (fw_workbook_get_cases (self->workbook), self);
  g_set_object (&self->workbook, workbook);
  if (workbook)
    g_signal_connect_swapped (fw_workbook_get_cases (workbook), "items-changed",
                              G_CALLBACK (schedule_rebuild), self);
  g_hash_table_remove_all (self->drafts);
  set_undo_case (self, NULL);
  back_to_list (self);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKBOOK]);
}

gboolean
fw_cases_page_get_can_undo (FwCasesPage *self)
{
  g_return_val_if_fail (FW_IS_CASES_PAGE (self), FALSE);
  return self->undo_case != NULL;
}

gboolean
fw_cases_page_undo (FwCasesPage *self)
{
  g_autofree char *message = NULL;
  FwCase *item = NULL;

  g_return_val_if_fail (FW_IS_CASES_PAGE (self), FALSE);

  if (self->undo_case == NULL)
    return FALSE;
  if (self->workbook)
    item = fw_workbook_find_case (self->workbook, fw_case_get_id (self->undo_case), NULL);
  if (item)
    fw_case_set_from (item, self->undo_case);
  /* The toast that offered it (Ctrl+Z, not its button) would still say the
   * change is in. */
  if (item && self->undo_toast)
    {
      /* TRANSLATORS: a toast after Ctrl+Z on the Cases page; %s is the case's name. */
      message = g_strdup_printf (_("“%s” is as it was again"), fw_case_get_name (item));
      fw_ui_retell_toast (self->undo_toast, message);
    }
  set_undo_case (self, NULL);
  /* A case removed since has nothing to take back. */
  return item != NULL;
}

AdwToast *
fw_cases_page_get_undo_toast (FwCasesPage *self)
{
  g_return_val_if_fail (FW_IS_CASES_PAGE (self), NULL);
  return self->undo_toast;
}
