/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-triage-page.h"

typedef struct
{
  FwStory            *story;
  FwTriageSuggestion *suggestion;
  FwTask              task;        /* the suggestion, or the PM's override */
  FwTriageDecision    decision;
  char               *idea_id;     /* while promoted */
  GtkWidget          *row;
  GtkLabel           *decision_label;
  GtkDropDown        *dropdown;
} Item;

typedef struct
{
  guint             position;
  FwTriageDecision  previous;
  FwIdea           *idea;          /* promoted by this step, to take back */
} Step;

struct _FwTriagePage
{
  AdwBin           parent_instance;

  FwWorkbook      *workbook;
  GPtrArray       *items;          /* Item * */
  GArray          *undo;           /* Step */

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
  g_free (item->idea_id);
  g_free (item);
}

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->idea);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "triage.undo", self->undo->len > 0);
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
  gtk_widget_set_sensitive (GTK_WIDGET (item->dropdown),
                            item->decision != FW_TRIAGE_PROMOTED);
}

/* The story with the words behind the suggestion in bold; every piece escaped. */
static char *
story_markup (const FwStory            *story,
              const FwTriageSuggestion *s)
{
  GString *markup = g_string_new (NULL);
  gsize at = 0;

  for (guint i = 0; i < s->matches->len; i++)
    {
      const FwTriageMatch *m = g_ptr_array_index (s->matches, i);
      g_autofree char *before = NULL;
      g_autofree char *word = NULL;

      if (m->start < at)
        continue;  /* inside a longer match already shown */
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

static char *
suggestion_text (const FwTriageSuggestion *s)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) words = fw_triage_suggestion_task_words (s, s->task);

  if (s->task == FW_TASK_UNDECIDED)
    g_string_append (text, _("Probably not ML: no word in the story suggests a task"));
  else
    {
      /* TRANSLATORS: separates the words that triggered a suggestion: "order, relevance" */
      g_autofree char *joined = g_strjoinv (_(", "), words);

      /* TRANSLATORS: the triage page: the suggested task, then the story's words */
      g_string_append_printf (text, _("Suggested: %s (triggered by: %s)"),
                              fw_task_label (s->task), joined);
    }
  for (guint c = 0; c < FW_N_CONDITIONS; c++)
    if (s->conditions[c])
      {
        g_auto(GStrv) hinted = fw_triage_suggestion_condition_words (s, c);
        g_autofree char *joined = g_strjoinv (_(", "), hinted);

        g_string_append_c (text, '\n');
        if (fw_condition_is_win (c))
          /* TRANSLATORS: triage: a condition the story hints at, then its words */
          g_string_append_printf (text, _("Win condition: %s (hinted by: %s)"),
                                  fw_condition_label (c), joined);
        else
          g_string_append_printf (text, _("Lose condition: %s (hinted by: %s)"),
                                  fw_condition_label (c), joined);
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
task_selected_cb (GtkDropDown  *dropdown,
                  GParamSpec   *pspec,
                  FwTriagePage *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = get_item (self, i);

      if (item->dropdown == dropdown)
        item->task = gtk_drop_down_get_selected (dropdown);
    }
}

static GtkWidget *
new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
build_row (FwTriagePage *self,
           Item         *item)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = new_label ("heading");
  GtkWidget *story = new_label (NULL);
  GtkWidget *suggestion = new_label ("dim-label");
  GtkWidget *decision = gtk_label_new (NULL);
  g_autoptr(GtkStringList) tasks = gtk_string_list_new (NULL);
  g_autofree char *markup = story_markup (item->story, item->suggestion);
  g_autofree char *why = suggestion_text (item->suggestion);
  GtkWidget *dropdown;

  gtk_string_list_append (tasks, _("Probably not ML"));
  for (guint t = FW_TASK_REGRESSION; t < FW_N_TASKS; t++)
    gtk_string_list_append (tasks, fw_task_label (t));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&tasks)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), item->task);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (dropdown, _("Choose another ML task for this story"));
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (task_selected_cb), self);

  gtk_label_set_text (GTK_LABEL (title), item->story->title);
  gtk_label_set_markup (GTK_LABEL (story), markup);
  gtk_widget_set_name (story, "story-markup");
  gtk_widget_add_css_class (story, "caption");
  gtk_label_set_text (GTK_LABEL (suggestion), why);
  gtk_widget_set_name (suggestion, "suggestion");
  gtk_widget_set_valign (decision, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (decision, 80, -1);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), title);
  if (g_strcmp0 (item->story->title, item->story->raw) != 0)
    gtk_box_append (GTK_BOX (text), story);
  else
    {
      /* The whole story is the title: show it with its highlights there. */
      gtk_label_set_markup (GTK_LABEL (title), markup);
      g_object_ref_sink (story);
      g_object_unref (story);
    }
  gtk_box_append (GTK_BOX (text), suggestion);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), decision);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  item->row = row;
  item->dropdown = GTK_DROP_DOWN (dropdown);
  item->decision_label = GTK_LABEL (decision);
  update_row (item);
  return row;
}

static void
toast (FwTriagePage *self,
       const char   *title,
       gboolean      with_undo)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "triage.undo");
    }
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->overlay, toast);
}

static int
selected_position (FwTriagePage *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  return row ? gtk_list_box_row_get_index (row) : -1;
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
          return;
        }
    }
}

static void
decide (FwTriagePage     *self,
        FwTriageDecision  decision)
{
  int position = selected_position (self);
  Step step = { 0 };
  g_autofree char *message = NULL;
  Item *item;

  if (position < 0)
    return;
  item = get_item (self, position);
  if (item->decision == decision || item->decision == FW_TRIAGE_PROMOTED)
    return;  /* take back a promotion with Undo, so the idea is never orphaned */

  step.position = position;
  step.previous = item->decision;
  if (decision == FW_TRIAGE_PROMOTED)
    {
      g_autoptr(FwIdea) idea = NULL;

      if (self->workbook == NULL)
        return;
      idea = fw_triage_make_idea (item->story, item->suggestion, item->task);
      fw_workbook_append_idea (self->workbook, idea);
      g_free (item->idea_id);
      item->idea_id = g_strdup (fw_idea_get_id (idea));
      step.idea = g_object_ref (idea);
      /* TRANSLATORS: a toast on the triage page; %s is the story's title */
      message = g_strdup_printf (_("“%s” is now an idea"), item->story->title);
    }
  else if (decision == FW_TRIAGE_MAYBE)
    message = g_strdup_printf (_("“%s” kept for later"), item->story->title);
  else
    message = g_strdup_printf (_("“%s” set aside as not ML"), item->story->title);

  item->decision = decision;
  g_array_append_val (self->undo, step);
  update_row (item);
  update_status (self);
  toast (self, message, TRUE);
  select_next_undecided (self, position);
  if (step.idea)
    g_signal_emit (self, signals[IDEA_PROMOTED], 0, step.idea);
}

static void
undo (FwTriagePage *self)
{
  Step *step;
  Item *item;

  if (self->undo->len == 0)
    return;
  step = &g_array_index (self->undo, Step, self->undo->len - 1);
  item = get_item (self, step->position);
  if (step->idea && self->workbook)
    {
      guint position;

      if (fw_workbook_find_idea (self->workbook, fw_idea_get_id (step->idea), &position))
        fw_workbook_remove_idea (self->workbook, position);
      g_clear_pointer (&item->idea_id, g_free);
    }
  item->decision = step->previous;
  g_array_set_size (self->undo, self->undo->len - 1);
  update_row (item);
  update_status (self);
  fw_triage_page_select (self, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (item->row)));
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

  /* The task list of a story's drop-down keeps its keys. */
  if (focus && gtk_widget_get_ancestor (focus, GTK_TYPE_DROP_DOWN))
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

static void
read_file (FwTriagePage *self,
           GFile        *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_file_get_basename (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, &error);
  if (info && g_file_info_get_size (info) > FW_TRIAGE_MAX_SIZE)
    g_set_error (&error, FW_TRIAGE_ERROR, FW_TRIAGE_ERROR_TOO_LARGE,
                 _("%s: larger than %u MiB; a backlog of stories is much smaller"),
                 name, FW_TRIAGE_MAX_SIZE / (1024 * 1024));
  else if (info)
    bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes)
    text = fw_triage_decode (bytes, name, &error);
  if (text)
    fw_triage_page_read_text (self, text,
                              is_csv_name (name) ? FW_TRIAGE_INPUT_CSV : FW_TRIAGE_INPUT_AUTO,
                              &error);
  if (error)
    toast (self, error->message, FALSE);
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

  for (GSList *l = files; l; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      /* A workbook dropped here opens as it would anywhere else in the window. */
      if (app && name && g_str_has_suffix (name, ".flywheel"))
        g_application_open (G_APPLICATION (app), (GFile **) &l->data, 1, "");
      else
        read_file (self, l->data);
    }
  return files != NULL;
}

static void
fw_triage_page_dispose (GObject *object)
{
  FwTriagePage *self = FW_TRIAGE_PAGE (object);

  g_clear_object (&self->workbook);
  g_clear_pointer (&self->undo, g_array_unref);
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
   * The window opens it at the Flywheel step.
   */
  signals[IDEA_PROMOTED] =
    g_signal_new ("idea-promoted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, FW_TYPE_IDEA);

  gtk_widget_class_install_action (widget_class, "triage.read", NULL, read_action);
  gtk_widget_class_install_action (widget_class, "triage.promote", NULL, promote_action);
  gtk_widget_class_install_action (widget_class, "triage.maybe", NULL, maybe_action);
  gtk_widget_class_install_action (widget_class, "triage.not-ml", NULL, not_ml_action);
  gtk_widget_class_install_action (widget_class, "triage.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "triage.undo", NULL);
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *name,
               const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
fw_triage_page_init (FwTriagePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *heading = new_label ("title-2");
  GtkWidget *intro = new_label ("dim-label");
  GtkWidget *paste = gtk_scrolled_window_new ();
  GtkWidget *read_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *read = action_button (_("_Read Stories"), "triage.read", "read-stories",
                                   _("Add the stories pasted above to the list"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *placeholder = new_label ("dim-label");
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkEventController *keys;
  GtkDropTarget *drop;

  self->items = g_ptr_array_new_with_free_func (item_free);
  self->undo = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->undo, step_clear);

  self->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->overlay));
  adw_toast_overlay_set_child (self->overlay, box);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  gtk_label_set_text (GTK_LABEL (heading), _("Spot Winning Patterns in a Backlog"));
  gtk_label_set_text (GTK_LABEL (intro),
                      _("Paste user stories — one per line or paragraph, a Markdown list, or "
                        "CSV with a story column — or drop a file here. Flywheel suggests an "
                        "ML task from the words in each story and shows which words; you "
                        "decide: 1 or Enter promotes, 2 keeps for later, 3 sets aside as not "
                        "ML, Ctrl+Z undoes."));
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
  self->status = GTK_LABEL (new_label ("dim-label"));
  gtk_widget_set_name (GTK_WIDGET (self->status), "triage-status");
  gtk_widget_set_hexpand (GTK_WIDGET (self->status), TRUE);
  gtk_box_append (GTK_BOX (read_row), read);
  gtk_box_append (GTK_BOX (read_row), GTK_WIDGET (self->status));
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
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);

  /* Capture phase: Enter decides before the focused row would activate. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "triage-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);

  gtk_box_append (GTK_BOX (buttons),
                  action_button (_("_Promote"), "triage.promote", "promote",
                                 _("Make the selected story an idea (1 or Enter)")));
  gtk_box_append (GTK_BOX (buttons),
                  action_button (_("_Maybe"), "triage.maybe", "maybe",
                                 _("Keep the selected story for later (2)")));
  gtk_box_append (GTK_BOX (buttons),
                  action_button (_("_Not ML"), "triage.not-ml", "not-ml",
                                 _("Set the selected story aside as not ML (3)")));
  gtk_box_append (GTK_BOX (buttons),
                  action_button (_("_Undo"), "triage.undo", "undo",
                                 _("Take back the last decision (Ctrl+Z)")));
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (box), buttons);

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
