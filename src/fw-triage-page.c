/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-triage-page.h"
#include "fw-ui.h"

typedef struct
{
  FwStory            *story;
  FwTriageSuggestion *suggestion;
  FwTask              task;        /* the suggestion, or the PM's override */
  FwTriageDecision    decision;
  FwIdea             *idea;        /* while promoted */
  GtkWidget          *row;
  GtkLabel           *decision_label;
  GtkLabel           *marked;      /* the label with the story's words in bold */
  GtkLabel           *reason;
  GtkDropDown        *dropdown;
  GtkWidget          *open;
} Item;

typedef struct
{
  guint             position;
  FwTriageDecision  previous;
  FwTriageDecision  decision;
  FwIdea           *idea;          /* promoted by this step, to take back or bring back */
  AdwToast         *toast;         /* that said it was made, to say it is undone */
} Step;

struct _FwTriagePage
{
  AdwBin           parent_instance;

  FwWorkbook      *workbook;
  GPtrArray       *items;          /* Item * */
  GArray          *undo;           /* Step */
  GArray          *redo;           /* Step, the last undone at the end */

  AdwToastOverlay *overlay;
  GtkTextView     *text_view;
  GtkListBox      *list;
  GtkLabel        *status;
};

G_DEFINE_FINAL_TYPE (FwTriagePage, fw_triage_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKBOOK,
  N_PROPS
};

enum {
  IDEA_PROMOTED,
  OPEN_IDEA,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
item_free (gpointer data)
{
  Item *item = data;

  fw_story_free (item->story);
  fw_triage_suggestion_free (item->suggestion);
  g_clear_object (&item->idea);
  g_free (item);
}

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->idea);
  g_clear_object (&step->toast);
}

static Item *
get_item (FwTriagePage *self,
          guint         position)
{
  g_assert (position < self->items->len);
  return g_ptr_array_index (self->items, position);
}

static const char *
decision_text (FwTriageDecision decision)
{
  switch (decision)
    {
    case FW_TRIAGE_PROMOTED:
      return _("Promoted");
    case FW_TRIAGE_MAYBE:
      return _("Maybe");
    case FW_TRIAGE_NOT_ML:
      return _("Not ML");
    case FW_TRIAGE_UNDECIDED:
    default:
      return "";
    }
}

static int
selected_position (FwTriagePage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  return row ? gtk_list_box_row_get_index (row) : -1;
}

/* The buttons act on the selected story: none without one, and a promoted
 * story is taken back with Undo only, so its idea is never orphaned. */
static void
update_actions (FwTriagePage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int position = selected_position (self);
  Item *item = position >= 0 ? get_item (self, position) : NULL;
  gboolean open = item && item->decision != FW_TRIAGE_PROMOTED;

  gtk_widget_action_set_enabled (widget, "triage.promote", open && self->workbook != NULL);
  gtk_widget_action_set_enabled (widget, "triage.maybe",
                                 open && item->decision != FW_TRIAGE_MAYBE);
  gtk_widget_action_set_enabled (widget, "triage.not-ml",
                                 open && item->decision != FW_TRIAGE_NOT_ML);
  gtk_widget_action_set_enabled (widget, "triage.undo", self->undo->len > 0);
  gtk_widget_action_set_enabled (widget, "triage.redo", self->redo->len > 0);
}

static void
update_status (FwTriagePage *self)
{
  guint counts[4] = { 0 };
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->items->len; i++)
    counts[get_item (self, i)->decision]++;
  if (self->items->len > 0)
    /* TRANSLATORS: the triage page's counts of decisions */
    text = g_strdup_printf (_("To decide %u · promoted %u · maybe %u · not ML %u"),
                            counts[FW_TRIAGE_UNDECIDED], counts[FW_TRIAGE_PROMOTED],
                            counts[FW_TRIAGE_MAYBE], counts[FW_TRIAGE_NOT_ML]);
  gtk_label_set_text (self->status, text ? text : "");
  update_actions (self);
}

static void
update_row (Item *item)
{
  static const char *const classes[] = { "success", "warning", "dim-label" };

  gtk_label_set_text (item->decision_label, decision_text (item->decision));
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (item->decision_label), classes[i]);
  if (item->decision != FW_TRIAGE_UNDECIDED)
    gtk_widget_add_css_class (GTK_WIDGET (item->decision_label),
                              classes[item->decision - FW_TRIAGE_PROMOTED]);
  /* A promoted story's task is its idea's now (the reason names it): the
   * drop-down makes room for the button that opens the idea. */
  gtk_widget_set_visible (GTK_WIDGET (item->dropdown), item->decision != FW_TRIAGE_PROMOTED);
  gtk_widget_set_visible (item->open, item->idea != NULL);
}

/* The story with the words behind the suggestion in bold; every piece escaped. */
static char *
story_markup (const FwStory            *story,
              const FwTriageSuggestion *s,
              FwTask                    task)
{
  GString *markup = g_string_new (NULL);
  gsize at = 0;

  for (guint i = 0; i < s->matches->len; i++)
    {
      const FwTriageMatch *m = g_ptr_array_index (s->matches, i);
      g_autofree char *before = NULL;
      g_autofree char *word = NULL;

      if (m->start < at || !fw_triage_match_is_shown (m, task))
        continue;  /* inside a longer match already shown, or not a reason */
      before = g_markup_escape_text (story->raw + at, m->start - at);
      word = g_markup_escape_text (story->raw + m->start, m->end - m->start);
      g_string_append_printf (markup, "%s<b>%s</b>", before, word);
      at = m->end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (story->raw + at, -1);

    g_string_append (markup, rest);
  }
  return g_string_free (markup, FALSE);
}

/* The bold words and the reason follow the task the story would be promoted with. */
static void
update_reason (Item *item)
{
  g_autofree char *markup = story_markup (item->story, item->suggestion, item->task);
  g_autofree char *why = fw_triage_describe (item->suggestion, item->task);

  gtk_label_set_markup (item->marked, markup);
  gtk_label_set_text (item->reason, why);
}

static void
task_selected_cb (GtkDropDown  *dropdown,
                  GParamSpec   *pspec,
                  FwTriagePage *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = get_item (self, i);

      if (item->dropdown != dropdown)
        continue;
      item->task = gtk_drop_down_get_selected (dropdown);
      update_reason (item);
      /* The keys act on the story whose task was just chosen. */
      gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (item->row));
    }
}

static void
open_clicked_cb (GtkButton    *button,
                 FwTriagePage *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = get_item (self, i);

      /* The idea may have been deleted in the window since. */
      if (item->open == GTK_WIDGET (button) && item->idea && self->workbook &&
          fw_workbook_find_idea (self->workbook, fw_idea_get_id (item->idea), NULL))
        g_signal_emit (self, signals[OPEN_IDEA], 0, item->idea);
    }
}

/* The story's text above, its task and decision below: the row fits a phone's
 * width and nothing is pushed past the right edge. */
static GtkWidget *
build_row (FwTriagePage *self,
           Item         *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = fw_ui_new_text (NULL, "heading");
  GtkWidget *story = fw_ui_new_text (NULL, "caption");
  GtkWidget *reason = fw_ui_new_text (NULL, "dim-label");
  GtkWidget *decision = gtk_label_new (NULL);
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open Idea"));
  g_autoptr(GtkStringList) tasks = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  gtk_string_list_append (tasks, _("Probably not ML"));
  for (guint t = FW_TASK_REGRESSION; t < FW_N_TASKS; t++)
    gtk_string_list_append (tasks, fw_task_label (t));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&tasks)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), item->task);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_name (dropdown, "task");
  gtk_widget_set_tooltip_text (dropdown, _("Choose another ML task for this story"));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (task_selected_cb), self);

  gtk_label_set_text (GTK_LABEL (title), item->story->title);
  gtk_widget_set_name (story, "story-markup");
  gtk_widget_set_name (reason, "suggestion");
  gtk_widget_set_name (decision, "decision");
  gtk_widget_set_valign (decision, GTK_ALIGN_CENTER);
  gtk_widget_set_name (open, "open-idea");
  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (open, _("Show this story's idea in the editor"));
  g_signal_connect (open, "clicked", G_CALLBACK (open_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), title);
  if (g_strcmp0 (item->story->title, item->story->raw) != 0)
    {
      gtk_box_append (GTK_BOX (box), story);
      item->marked = GTK_LABEL (story);
    }
  else
    {
      /* The whole story is the title: show it with its highlights there. */
      item->marked = GTK_LABEL (title);
      g_object_ref_sink (story);
      g_object_unref (story);
    }
  gtk_box_append (GTK_BOX (box), reason);
  gtk_box_append (GTK_BOX (controls), dropdown);
  gtk_box_append (GTK_BOX (controls), decision);
  gtk_box_append (GTK_BOX (controls), open);
  gtk_widget_set_margin_top (controls, 4);
  gtk_box_append (GTK_BOX (box), controls);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  item->row = row;
  item->dropdown = GTK_DROP_DOWN (dropdown);
  item->decision_label = GTK_LABEL (decision);
  item->reason = GTK_LABEL (reason);
  item->open = open;
  update_reason (item);
  update_row (item);
  return row;
}

/* What a toast says after a decision (@title: text), and Undo when @with_undo;
 * its text is kept, to say again when the decision is made again (Redo). */
static void
tell (AdwToast   *toast,
      const char *title,
      gboolean    with_undo)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_toast_set_title (toast, escaped);
  adw_toast_set_button_label (toast, with_undo ? _("_Undo") : NULL);
  adw_toast_set_action_name (toast, with_undo ? "triage.undo" : NULL);
  g_object_set_data_full (G_OBJECT (toast), "fw-told", g_strdup (title), g_free);
}

/* The toast shown; the overlay owns it. */
static AdwToast *
toast (FwTriagePage *self,
       const char   *title,
       gboolean      with_undo)
{
  AdwToast *toast = adw_toast_new ("");

  tell (toast, title, with_undo);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->overlay, toast);
  return toast;
}

/* A decision in words: "“Title” kept for later". */
static char *
dup_decision_message (const FwStory    *story,
                      FwTriageDecision  decision)
{
  switch (decision)
    {
    case FW_TRIAGE_PROMOTED:
      /* TRANSLATORS: a toast on the triage page; %s is the story's title */
      return g_strdup_printf (_("“%s” is now an idea"), story->title);
    case FW_TRIAGE_MAYBE:
      return g_strdup_printf (_("“%s” kept for later"), story->title);
    case FW_TRIAGE_NOT_ML:
      return g_strdup_printf (_("“%s” set aside as not ML"), story->title);
    case FW_TRIAGE_UNDECIDED:
    default:
      /* TRANSLATORS: a toast on the triage page after Ctrl+Z; %s is the story's title */
      return g_strdup_printf (_("“%s” waits for a decision again"), story->title);
    }
}

void
fw_triage_page_select (FwTriagePage *self,
                       guint         position)
{
  Item *item;

  g_return_if_fail (FW_IS_TRIAGE_PAGE (self));
  g_return_if_fail (position < self->items->len);

  item = get_item (self, position);
  gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (item->row));
  if (gtk_widget_get_mapped (item->row))
    gtk_widget_grab_focus (item->row);
}

/* Keeps @row clear of the toast that a decision shows at the bottom of the scrolled
 * part: GtkViewport scrolls a newly focused row just into view, at the bottom, where
 * the toast is. For the next few frames (the viewport scrolls after the focus moves,
 * and the decided row's height changes), a row there is brought up to the top. */
#define TOAST_BAND 64

static gboolean
keep_row_clear_tick (GtkWidget     *row,
                     GdkFrameClock *clock,
                     gpointer       data)
{
  guint *frames = data;
  GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  if (scroller && gtk_widget_compute_bounds (row, gtk_scrolled_window_get_child (
                                               GTK_SCROLLED_WINDOW (scroller)), &bounds))
    {
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      double value = gtk_adjustment_get_value (adjustment);
      double page = gtk_adjustment_get_page_size (adjustment);

      /* The bounds are in the viewport's coordinates: what is in view starts at 0. */
      if (bounds.origin.y < 0 || bounds.origin.y + bounds.size.height > page - TOAST_BAND)
        gtk_adjustment_set_value (adjustment, value + bounds.origin.y - 12);
    }
  return ++*frames < 4 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* After a decision the next story waiting for one is selected, so the PM can
 * keep pressing keys. */
static void
select_next_undecided (FwTriagePage *self,
                       guint         from)
{
  for (guint n = 1; n <= self->items->len; n++)
    {
      guint i = (from + n) % self->items->len;

      if (get_item (self, i)->decision == FW_TRIAGE_UNDECIDED)
        {
          fw_triage_page_select (self, i);
          gtk_widget_add_tick_callback (get_item (self, i)->row, keep_row_clear_tick,
                                        g_new0 (guint, 1), g_free);
          return;
        }
    }
}

/* The story the keys and buttons act on: the one holding the focus (its task
 * drop-down, say), else the selected one. */
static int
target_position (FwTriagePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  if (row && gtk_widget_get_parent (row) == GTK_WIDGET (self->list))
    {
      if (!gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)))
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
      return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
    }
  return selected_position (self);
}

static void
clear_redo (FwTriagePage *self)
{
  g_array_set_size (self->redo, 0);
}

/* Sets @item's decision, adding or taking back its idea as the step says. */
static void
apply (FwTriagePage     *self,
       Item             *item,
       FwIdea           *idea,
       FwTriageDecision  decision)
{
  if (item->idea && decision != FW_TRIAGE_PROMOTED)
    {
      guint position;

      if (self->workbook &&
          fw_workbook_find_idea (self->workbook, fw_idea_get_id (item->idea), &position))
        fw_workbook_remove_idea (self->workbook, position);
      g_clear_object (&item->idea);
    }
  if (idea && decision == FW_TRIAGE_PROMOTED && self->workbook)
    {
      fw_workbook_append_idea (self->workbook, idea);
      g_set_object (&item->idea, idea);
    }
  item->decision = decision;
  update_row (item);
  update_status (self);
}

static void
decide (FwTriagePage     *self,
        FwTriageDecision  decision)
{
  int position = target_position (self);
  Step step = { 0 };
  g_autofree char *message = NULL;
  g_autoptr(FwIdea) idea = NULL;
  Item *item;

  if (position < 0)
    return;
  item = get_item (self, position);
  if (item->decision == decision || item->decision == FW_TRIAGE_PROMOTED)
    return;  /* take back a promotion with Undo, so the idea is never orphaned */

  if (decision == FW_TRIAGE_PROMOTED)
    {
      if (self->workbook == NULL)
        return;
      idea = fw_triage_make_idea (item->story, item->suggestion, item->task);
    }
  message = dup_decision_message (item->story, decision);

  step.position = position;
  step.previous = item->decision;
  step.decision = decision;
  step.idea = idea ? g_object_ref (idea) : NULL;
  step.toast = g_object_ref (toast (self, message, TRUE));
  g_array_append_val (self->undo, step);
  clear_redo (self);
  apply (self, item, idea, decision);
  select_next_undecided (self, position);
  if (idea)
    g_signal_emit (self, signals[IDEA_PROMOTED], 0, idea);
}

/* Moves the last step of @from to @to, undone (@back) or done again. */
static gboolean
replay (FwTriagePage *self,
        GArray       *from,
        GArray       *to,
        gboolean      back)
{
  Step step;
  Item *item;

  if (from->len == 0)
    return FALSE;
  step = g_array_index (from, Step, from->len - 1);
  if (step.idea)
    g_object_ref (step.idea);
  if (step.toast)
    g_object_ref (step.toast);
  g_array_set_size (from, from->len - 1);  /* drops the array's references */
  item = get_item (self, step.position);
  apply (self, item, step.idea, back ? step.previous : step.decision);
  /* Its toast, if still up (or waiting behind a newer one), never says a step
   * is made that is undone, nor offers to undo it again. */
  if (step.toast && back)
    {
      g_autofree char *message = step.decision == FW_TRIAGE_PROMOTED
        /* TRANSLATORS: a toast on the triage page after Ctrl+Z; %s is the story's title */
        ? g_strdup_printf (_("“%s” is no longer an idea"), item->story->title)
        : dup_decision_message (item->story, step.previous);

      fw_ui_retell_toast (step.toast, message);
    }
  else if (step.toast)
    tell (step.toast, g_object_get_data (G_OBJECT (step.toast), "fw-told"), TRUE);
  g_array_append_val (to, step);           /* keeps ours */
  update_actions (self);
  fw_triage_page_select (self, step.position);
  return TRUE;
}

static void
undo (FwTriagePage *self)
{
  replay (self, self->undo, self->redo, TRUE);
}

static void
redo (FwTriagePage *self)
{
  replay (self, self->redo, self->undo, FALSE);
}

static void
promote_action (GtkWidget  *widget,
                const char *action,
                GVariant   *param)
{
  decide (FW_TRIAGE_PAGE (widget), FW_TRIAGE_PROMOTED);
}

static void
maybe_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  decide (FW_TRIAGE_PAGE (widget), FW_TRIAGE_MAYBE);
}

static void
not_ml_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  decide (FW_TRIAGE_PAGE (widget), FW_TRIAGE_NOT_ML);
}

static void
undo_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  undo (FW_TRIAGE_PAGE (widget));
}

static void
redo_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  redo (FW_TRIAGE_PAGE (widget));
}

/* Ctrl+Z and Ctrl+Shift+Z, caught before any child sees them, so they work
 * wherever the focus is on the page; only the paste box keeps them while it
 * has typing of its own to undo. */
static gboolean
history_shortcut_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  FwTriagePage *self = FW_TRIAGE_PAGE (widget);
  gboolean forward = GPOINTER_TO_INT (user_data);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (focus && (focus == GTK_WIDGET (self->text_view) ||
                gtk_widget_is_ancestor (focus, GTK_WIDGET (self->text_view))))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

      if (forward ? gtk_text_buffer_get_can_redo (buffer) : gtk_text_buffer_get_can_undo (buffer))
        return FALSE;
    }
  return forward ? replay (self, self->redo, self->undo, FALSE)
                 : replay (self, self->undo, self->redo, TRUE);
}

static void
read_action (GtkWidget  *widget,
             const char *action,
             GVariant   *param)
{
  FwTriagePage *self = FW_TRIAGE_PAGE (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (fw_triage_page_read_text (self, text, FW_TRIAGE_INPUT_AUTO, &error) == 0)
    toast (self, error->message, FALSE);
  else
    gtk_text_buffer_set_text (buffer, "", 0);
}

/* 1, 2, 3 and Enter decide for the selected story; arrows move (the list's own). */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FwTriagePage          *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  /* The open task list of a story's drop-down keeps its keys; its closed
   * button does not, so the keys go on working once a task is chosen. */
  if (focus && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER))
    return FALSE;
  /* Enter on a promoted story's Open Idea button opens its idea. */
  if (focus && g_strcmp0 (gtk_widget_get_name (focus), "open-idea") == 0 &&
      (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter))
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_1:
    case GDK_KEY_KP_1:
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      decide (self, FW_TRIAGE_PROMOTED);
      return TRUE;
    case GDK_KEY_2:
    case GDK_KEY_KP_2:
      decide (self, FW_TRIAGE_MAYBE);
      return TRUE;
    case GDK_KEY_3:
    case GDK_KEY_KP_3:
      decide (self, FW_TRIAGE_NOT_ML);
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_csv_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name ? name : "", -1);

  return g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv");
}

typedef struct
{
  FwTriagePage *page;
  GFile        *file;
} ReadFile;

static void
read_file_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ReadFile *read = user_data;
  g_autofree char *name = g_file_get_basename (read->file);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = fw_document_read_backlog_finish (FW_DOCUMENT (source), result,
                                                           &error);

  if (text)
    fw_triage_page_read_text (read->page, text,
                              is_csv_name (name) ? FW_TRIAGE_INPUT_CSV : FW_TRIAGE_INPUT_AUTO,
                              &error);
  if (error)
    toast (read->page, error->message, FALSE);
  g_object_unref (read->page);
  g_object_unref (read->file);
  g_free (read);
}

/* A dropped backlog is read and decoded by the window's document on a worker
 * thread (it may be large, or on a slow disk), then read as stories here. */
static void
read_file (FwTriagePage *self,
           FwDocument   *document,
           GFile        *file)
{
  ReadFile *read = g_new0 (ReadFile, 1);

  read->page = g_object_ref (self);
  read->file = g_object_ref (file);
  fw_document_read_backlog_async (document, file, NULL, read_file_done_cb, read);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         FwTriagePage  *self)
{
  GSList *files = g_value_get_boxed (value);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                             : NULL;
  FwDocument *document = fw_ui_get_document (GTK_WIDGET (self));

  /* Files are read through the window's document only: outside one, none is. */
  if (document == NULL)
    return FALSE;
  for (GSList *l = files; l; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      /* A workbook dropped here opens as it would anywhere else in the window. */
      if (app && name && g_str_has_suffix (name, ".flywheel"))
        g_application_open (G_APPLICATION (app), (GFile **) &l->data, 1, "");
      else
        read_file (self, document, l->data);
    }
  return files != NULL;
}

static void
fw_triage_page_dispose (GObject *object)
{
  FwTriagePage *self = FW_TRIAGE_PAGE (object);

  g_clear_object (&self->workbook);
  g_clear_pointer (&self->undo, g_array_unref);
  g_clear_pointer (&self->redo, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  G_OBJECT_CLASS (fw_triage_page_parent_class)->dispose (object);
}

static void
fw_triage_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FwTriagePage *self = FW_TRIAGE_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      g_value_set_object (value, self->workbook);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_triage_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FwTriagePage *self = FW_TRIAGE_PAGE (object);

  switch (prop_id)
    {
    case PROP_WORKBOOK:
      fw_triage_page_set_workbook (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_triage_page_class_init (FwTriagePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_triage_page_dispose;
  object_class->get_property = fw_triage_page_get_property;
  object_class->set_property = fw_triage_page_set_property;

  properties[PROP_WORKBOOK] =
    g_param_spec_object ("workbook", NULL, NULL, FW_TYPE_WORKBOOK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FwTriagePage::idea-promoted:
   * @idea: the idea just appended to the workbook
   *
   * The page stays on the list: the next story is selected.
   */
  signals[IDEA_PROMOTED] =
    g_signal_new ("idea-promoted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, FW_TYPE_IDEA);
  /**
   * FwTriagePage::open-idea:
   * @idea: a promoted story's idea, whose Open button was clicked
   *
   * The window opens it at the Flywheel step.
   */
  signals[OPEN_IDEA] =
    g_signal_new ("open-idea", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, FW_TYPE_IDEA);

  gtk_widget_class_install_action (widget_class, "triage.read", NULL, read_action);
  gtk_widget_class_install_action (widget_class, "triage.promote", NULL, promote_action);
  gtk_widget_class_install_action (widget_class, "triage.maybe", NULL, maybe_action);
  gtk_widget_class_install_action (widget_class, "triage.not-ml", NULL, not_ml_action);
  gtk_widget_class_install_action (widget_class, "triage.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "triage.redo", NULL, redo_action);
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *name,
               const char *tooltip)
{
  GtkWidget *button = g_str_has_suffix (label, "-symbolic")
                      ? gtk_button_new_from_icon_name (label)
                      : gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
add_history_shortcut (GtkShortcutController *controller,
                      GdkModifierType        modifiers,
                      gboolean               forward)
{
  GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (GDK_KEY_z, modifiers);
  GtkShortcutAction *action = gtk_callback_action_new (history_shortcut_cb,
                                                       GINT_TO_POINTER (forward), NULL);

  gtk_shortcut_controller_add_shortcut (controller, gtk_shortcut_new (trigger, action));
}

static void
row_selected_cb (GtkListBox    *list,
                 GtkListBoxRow *row,
                 FwTriagePage  *self)
{
  /* The rows go after the items while the page is disposed. */
  if (self->items)
    update_actions (self);
}

static void
fw_triage_page_init (FwTriagePage *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = fw_ui_new_text (NULL, "title-2");
  GtkWidget *intro = fw_ui_new_text (NULL, "dim-label");
  GtkWidget *paste = gtk_scrolled_window_new ();
  GtkWidget *read_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *read = action_button (_("_Read Stories"), "triage.read", "read-stories",
                                   _("Add the stories pasted above to the list"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *placeholder = fw_ui_new_text (NULL, "dim-label");
  GtkWidget *buttons = gtk_flow_box_new ();
  GtkWidget *undo_button, *redo_button;
  GtkEventController *keys;
  GtkShortcutController *history;
  GtkDropTarget *drop;
  const struct { const char *label, *action, *name, *tooltip; } decisions[] = {
    { N_("_Promote"), "triage.promote", "promote",
      N_("Make the selected story an idea (1 or Enter)") },
    { N_("_Maybe"), "triage.maybe", "maybe", N_("Keep the selected story for later (2)") },
    { N_("_Not ML"), "triage.not-ml", "not-ml",
      N_("Set the selected story aside as not ML (3)") },
  };

  self->items = g_ptr_array_new_with_free_func (item_free);
  self->undo = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->undo, step_clear);
  self->redo = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->redo, step_clear);

  /* The decision buttons sit below the toasts' overlay, so a toast never
   * covers them; the rest scrolls as one, so a short window still shows the
   * stories once the paste box is scrolled away. */
  adw_bin_set_child (ADW_BIN (self), outer);
  self->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->overlay), TRUE);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->overlay));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  adw_toast_overlay_set_child (self->overlay, scroller);
  gtk_widget_set_margin_top (box, 18);
  /* Room for a toast under the last story, so that one too can scroll above it. */
  gtk_widget_set_margin_bottom (box, 12 + TOAST_BAND);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  gtk_label_set_text (GTK_LABEL (heading), _("Spot Winning Patterns in a Backlog"));
  gtk_label_set_text (GTK_LABEL (intro),
                      _("Paste user stories — one per line or paragraph, a Markdown list, or "
                        "CSV with a story column — or drop a file here. Flywheel suggests an "
                        "ML task from the words in each story and shows which words; you "
                        "decide: 1 or Enter promotes, 2 keeps for later, 3 sets aside as not "
                        "ML; Ctrl+Z undoes and Ctrl+Shift+Z redoes."));
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), intro);

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_widget_set_name (GTK_WIDGET (self->text_view), "stories-text");
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->text_view, 6);
  gtk_text_view_set_bottom_margin (self->text_view, 6);
  gtk_text_view_set_left_margin (self->text_view, 6);
  gtk_text_view_set_right_margin (self->text_view, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("User stories"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (paste), GTK_WIDGET (self->text_view));
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (paste), 96);
  gtk_widget_add_css_class (paste, "card");
  gtk_box_append (GTK_BOX (box), paste);

  gtk_widget_add_css_class (read, "suggested-action");
  gtk_widget_set_margin_end (read, 6);
  gtk_widget_set_valign (read, GTK_ALIGN_CENTER);
  self->status = GTK_LABEL (fw_ui_new_text (NULL, "dim-label"));
  gtk_widget_set_name (GTK_WIDGET (self->status), "triage-status");
  gtk_widget_set_hexpand (GTK_WIDGET (self->status), TRUE);
  gtk_box_append (GTK_BOX (read_row), read);
  gtk_box_append (GTK_BOX (read_row), GTK_WIDGET (self->status));
  undo_button = action_button ("edit-undo-symbolic", "triage.undo", "undo",
                               _("Take back the last decision (Ctrl+Z)"));
  redo_button = action_button ("edit-redo-symbolic", "triage.redo", "redo",
                               _("Make the decision taken back again (Ctrl+Shift+Z)"));
  gtk_widget_set_valign (undo_button, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (redo_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (read_row), undo_button);
  gtk_box_append (GTK_BOX (read_row), redo_button);
  gtk_box_append (GTK_BOX (box), read_row);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "story-list");
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_list_box_set_activate_on_single_click (self->list, FALSE);
  gtk_label_set_text (GTK_LABEL (placeholder), _("No stories yet"));
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_bottom (placeholder, 24);
  gtk_label_set_xalign (GTK_LABEL (placeholder), 0.5f);
  gtk_list_box_set_placeholder (self->list, placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stories"), -1);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));

  /* Capture phase: Enter decides before the focused row would activate. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "triage-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);

  history = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (history), "triage-history");
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (history), GTK_PHASE_CAPTURE);
  add_history_shortcut (history, GDK_CONTROL_MASK, FALSE);
  add_history_shortcut (history, GDK_CONTROL_MASK | GDK_SHIFT_MASK, TRUE);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (history));

  /* A flow box: the three buttons wrap onto two lines on a phone's width. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (buttons), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), G_N_ELEMENTS (decisions));
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (buttons), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (buttons), 6);
  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    {
      GtkWidget *button = action_button (_(decisions[i].label), decisions[i].action,
                                         decisions[i].name, _(decisions[i].tooltip));

      gtk_flow_box_append (GTK_FLOW_BOX (buttons), button);
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_start (buttons, 18);
  gtk_widget_set_margin_end (buttons, 18);
  gtk_widget_set_margin_bottom (buttons, 18);
  gtk_box_append (GTK_BOX (outer), buttons);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  update_status (self);
}

GtkWidget *
fw_triage_page_new (void)
{
  return g_object_new (FW_TYPE_TRIAGE_PAGE, NULL);
}

void
fw_triage_page_set_workbook (FwTriagePage *self,
                             FwWorkbook   *workbook)
{
  g_return_if_fail (FW_IS_TRIAGE_PAGE (self));
  g_return_if_fail (workbook == NULL || FW_IS_WORKBOOK (workbook));

  if (!g_set_object (&self->workbook, workbook))
    return;
  /* Undoing a promotion into another workbook would remove nothing. */
  g_array_set_size (self->undo, 0);
  g_array_set_size (self->redo, 0);
  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKBOOK]);
}

FwWorkbook *
fw_triage_page_get_workbook (FwTriagePage *self)
{
  g_return_val_if_fail (FW_IS_TRIAGE_PAGE (self), NULL);
  return self->workbook;
}

guint
fw_triage_page_read_text (FwTriagePage   *self,
                          const char     *text,
                          FwTriageInput   input,
                          GError        **error)
{
  g_auto(GStrv) stories = NULL;
  guint first, n;

  g_return_val_if_fail (FW_IS_TRIAGE_PAGE (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  stories = fw_triage_split (text, input, error);
  if (stories == NULL)
    return 0;
  n = g_strv_length (stories);
  if (n == 0)
    {
      g_set_error (error, FW_TRIAGE_ERROR, FW_TRIAGE_ERROR_EMPTY,
                   _("No user stories found: write one per line or paragraph"));
      return 0;
    }

  first = self->items->len;
  for (guint i = 0; i < n; i++)
    {
      Item *item = g_new0 (Item, 1);

      item->story = fw_story_parse (stories[i]);
      item->suggestion = fw_triage_suggest (item->story->raw);
      item->task = item->suggestion->task;
      g_ptr_array_add (self->items, item);
      gtk_list_box_append (self->list, build_row (self, item));
    }
  update_status (self);
  if (selected_position (self) < 0)
    fw_triage_page_select (self, first);
  return n;
}

guint
fw_triage_page_get_n_stories (FwTriagePage *self)
{
  g_return_val_if_fail (FW_IS_TRIAGE_PAGE (self), 0);
  return self->items->len;
}

FwTriageDecision
fw_triage_page_get_decision (FwTriagePage *self,
                             guint         position)
{
  g_return_val_if_fail (FW_IS_TRIAGE_PAGE (self), FW_TRIAGE_UNDECIDED);
  g_return_val_if_fail (position < self->items->len, FW_TRIAGE_UNDECIDED);
  return get_item (self, position)->decision;
}

FwTask
fw_triage_page_get_task (FwTriagePage *self,
                         guint         position)
{
  g_return_val_if_fail (FW_IS_TRIAGE_PAGE (self), FW_TASK_UNDECIDED);
  g_return_val_if_fail (position < self->items->len, FW_TASK_UNDECIDED);
  return get_item (self, position)->task;
}

void
fw_triage_page_set_task (FwTriagePage *self,
                         guint         position,
                         FwTask        task)
{
  g_return_if_fail (FW_IS_TRIAGE_PAGE (self));
  g_return_if_fail (position < self->items->len);
  g_return_if_fail (task < FW_N_TASKS);

  /* The drop-down's notify sets the item's task. */
  gtk_drop_down_set_selected (get_item (self, position)->dropdown, task);
}
