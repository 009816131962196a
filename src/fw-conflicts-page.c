/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-conflicts-page.h"
#include "fw-ui.h"

/* What one resolution changed, to take it back: the conflicts before it, and the
 * field's value before it or the item it deleted. */
typedef struct
{
  GPtrArray  *conflicts;    /* FwConflict */
  /* A field: the object holding it and its value ("revealed": no pspec). */
  GObject    *owner;
  GParamSpec *pspec;
  GValue      value;
  /* A deleted item: a copy of it, where it was (an assessment: in which idea). */
  FwItemKind  kind;
  GObject    *item;
  char       *idea_id;
  guint       position;
} Snapshot;

struct _FwConflictsPage
{
  GtkWidget    parent_instance;

  FwWorkbook  *workbook;
  /* The workbook's extra members when the conflicts were last read: the conflicts
   * live there and every change of them replaces the object (held, so its address
   * is not reused), so typing elsewhere in the workbook costs a comparison. */
  JsonObject  *extra;
  GPtrArray   *conflicts;   /* FwConflict, as shown */
  GPtrArray   *rows;        /* AdwPreferencesRow, in the order shown */
  GPtrArray   *undo;        /* Snapshot, the newest last */
  guint        busy;        /* inside a change of our own */
  guint        titles_idle;

  GtkWidget   *stack;
  GtkWidget   *groups_box;
};

G_DEFINE_FINAL_TYPE (FwConflictsPage, fw_conflicts_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_CONFLICTS,
  PROP_CAN_UNDO,
  N_PROPS
};

enum {
  RESOLVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void sync_conflicts (FwConflictsPage *self,
                            gboolean         force);

/* ------------------------------------------------------------------ fields and items */

static GType
item_type (FwItemKind kind)
{
  switch (kind)
    {
    case FW_ITEM_WORKBOOK: return FW_TYPE_WORKBOOK;
    case FW_ITEM_CASE: return FW_TYPE_CASE;
    case FW_ITEM_IDEA: return FW_TYPE_IDEA;
    case FW_ITEM_MEMBER: return FW_TYPE_MEMBER;
    case FW_ITEM_ASSESSMENT: return FW_TYPE_MEMBER_ASSESSMENT;
    case FW_N_ITEMS:
    default: return G_TYPE_INVALID;
    }
}

/* The property a conflict's field is (NULL: the idea's "revealed", or a whole
 * item); @on_judgement: a member's assessment keeps it in its judgement. The same
 * precedence as the merge's own table of fields: the assessment's, then the idea's. */
static GParamSpec *
field_pspec (FwItemKind  kind,
             const char *field,
             gboolean   *on_judgement)
{
  GType type = item_type (kind);
  GParamSpec *pspec = NULL;

  *on_judgement = FALSE;
  if (type == G_TYPE_INVALID || field == NULL || *field == '\0')
    return NULL;
  {
    g_autoptr(GTypeClass) klass = g_type_class_ref (type);

    pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), field);
  }
  if (pspec == NULL && kind == FW_ITEM_ASSESSMENT)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (FW_TYPE_IDEA);

      pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), field);
      *on_judgement = pspec != NULL;
    }
  return pspec;
}

static GObject *
find_item (FwWorkbook       *workbook,
           const FwConflict *conflict,
           guint            *position)
{
  FwIdea *idea;

  switch (conflict->kind)
    {
    case FW_ITEM_WORKBOOK:
      return G_OBJECT (workbook);
    case FW_ITEM_CASE:
      return G_OBJECT (fw_workbook_find_case (workbook, conflict->id, position));
    case FW_ITEM_IDEA:
      return G_OBJECT (fw_workbook_find_idea (workbook, conflict->id, position));
    case FW_ITEM_MEMBER:
      return G_OBJECT (fw_workbook_find_member (workbook, conflict->id, position));
    case FW_ITEM_ASSESSMENT:
      idea = fw_workbook_find_idea (workbook, conflict->id, NULL);
      if (idea == NULL || conflict->member_id == NULL)
        return NULL;
      return G_OBJECT (fw_idea_find_assessment (idea, conflict->member_id, position));
    case FW_N_ITEMS:
    default:
      return NULL;
    }
}

static gboolean
is_true (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static gboolean
is_whole_item (const FwConflict *conflict)
{
  return *conflict->field == '\0';
}

typedef enum
{
  EDIT_NONE,        /* a switch, the links to cases, a whole item */
  EDIT_LINE,
  EDIT_TEXT,        /* several lines: the stages' whys, a text with a line break */
  EDIT_CHOICE,      /* one of an enum's values */
} EditKind;

static gboolean
has_line_break (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING &&
         strchr (json_node_get_string (node), '\n') != NULL;
}

static EditKind
edit_kind (const FwConflict *conflict)
{
  gboolean on_judgement;
  GParamSpec *pspec = field_pspec (conflict->kind, conflict->field, &on_judgement);

  if (pspec == NULL)
    return EDIT_NONE;
  if (G_IS_PARAM_SPEC_ENUM (pspec))
    return EDIT_CHOICE;
  if (!G_IS_PARAM_SPEC_STRING (pspec))
    return EDIT_NONE;
  if (g_str_has_prefix (conflict->field, "why-") || has_line_break (conflict->ours) ||
      has_line_break (conflict->theirs) || has_line_break (conflict->base))
    return EDIT_TEXT;
  return EDIT_LINE;
}

/* ------------------------------------------------------------------ undo */

static void
snapshot_free (Snapshot *snapshot)
{
  g_clear_pointer (&snapshot->conflicts, g_ptr_array_unref);
  g_clear_object (&snapshot->owner);
  if (G_IS_VALUE (&snapshot->value))
    g_value_unset (&snapshot->value);
  g_clear_object (&snapshot->item);
  g_free (snapshot->idea_id);
  g_free (snapshot);
}

/* Before @conflict is resolved to @chosen: what to put back. */
static Snapshot *
snapshot_new (FwWorkbook       *workbook,
              GPtrArray        *conflicts,
              const FwConflict *conflict,
              JsonNode         *chosen)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);
  guint position = 0;
  GObject *item = find_item (workbook, conflict, &position);

  snapshot->conflicts = g_ptr_array_ref (conflicts);
  snapshot->kind = conflict->kind;
  if (item == NULL)
    return snapshot;
  if (is_whole_item (conflict))
    {
      /* A copy: the item leaves the workbook, and nothing may change it there. */
      if (!is_true (chosen))
        {
          snapshot->item = fw_item_copy (conflict->kind, item);
          snapshot->position = position;
          snapshot->idea_id = g_strdup (conflict->id);
        }
      return snapshot;
    }
  {
    gboolean on_judgement;
    GParamSpec *pspec = field_pspec (conflict->kind, conflict->field, &on_judgement);
    GObject *owner = on_judgement
                     ? G_OBJECT (fw_member_assessment_get_judgement (FW_MEMBER_ASSESSMENT (item)))
                     : item;

    if (pspec)
      {
        g_value_init (&snapshot->value, pspec->value_type);
        g_object_get_property (owner, pspec->name, &snapshot->value);
        snapshot->pspec = pspec;
        snapshot->owner = g_object_ref (owner);
      }
    else if (conflict->kind == FW_ITEM_IDEA && g_str_equal (conflict->field, "revealed"))
      {
        g_value_init (&snapshot->value, G_TYPE_BOOLEAN);
        g_value_set_boolean (&snapshot->value, fw_idea_get_revealed (FW_IDEA (owner)));
        snapshot->owner = g_object_ref (owner);
      }
  }
  return snapshot;
}

/* Puts a deleted item back where it was. Members and assessments have no insert:
 * those after it are taken out and appended again behind it. */
static void
restore_item (FwWorkbook *workbook,
              Snapshot   *snapshot)
{
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func (g_object_unref);
  GObject *item = snapshot->item;
  FwIdea *idea;

  switch (snapshot->kind)
    {
    case FW_ITEM_CASE:
      if (!fw_workbook_find_case (workbook, fw_case_get_id (FW_CASE (item)), NULL))
        fw_workbook_insert_case (workbook, snapshot->position, FW_CASE (item));
      break;
    case FW_ITEM_IDEA:
      if (!fw_workbook_find_idea (workbook, fw_idea_get_id (FW_IDEA (item)), NULL))
        fw_workbook_insert_idea (workbook, snapshot->position, FW_IDEA (item));
      break;
    case FW_ITEM_MEMBER:
      if (fw_workbook_find_member (workbook, fw_member_get_id (FW_MEMBER (item)), NULL))
        break;
      while (fw_workbook_get_n_members (workbook) > snapshot->position)
        {
          g_ptr_array_add (after, g_object_ref (fw_workbook_get_member (workbook,
                                                                         snapshot->position)));
          fw_workbook_remove_member (workbook, snapshot->position);
        }
      fw_workbook_append_member (workbook, FW_MEMBER (item));
      for (guint i = 0; i < after->len; i++)
        fw_workbook_append_member (workbook, after->pdata[i]);
      break;
    case FW_ITEM_ASSESSMENT:
      idea = fw_workbook_find_idea (workbook, snapshot->idea_id, NULL);
      if (idea == NULL ||
          fw_idea_find_assessment (idea,
                                   fw_member_assessment_get_member_id (FW_MEMBER_ASSESSMENT (item)),
                                   NULL))
        break;
      while (fw_idea_get_n_assessments (idea) > snapshot->position)
        {
          g_ptr_array_add (after, g_list_model_get_item (fw_idea_get_assessments (idea),
                                                         snapshot->position));
          fw_idea_remove_assessment (idea, snapshot->position);
        }
      fw_idea_set_assessment (idea, FW_MEMBER_ASSESSMENT (item));
      for (guint i = 0; i < after->len; i++)
        fw_idea_set_assessment (idea, after->pdata[i]);
      break;
    case FW_ITEM_WORKBOOK:
    case FW_N_ITEMS:
    default:
      break;
    }
}

static void
clear_undo (FwConflictsPage *self)
{
  if (self->undo->len == 0)
    return;
  g_ptr_array_set_size (self->undo, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

/* ------------------------------------------------------------------ wording */

/* "Ben" of "Ben, 2026-12-01T10:00:00Z": fw_merge() names a side by its author and
 * the time of its last change; a file's name stays whole. */
static char *
dup_side_name (const char *from)
{
  const char *comma = from ? g_strrstr (from, ", ") : NULL;

  if (from == NULL || *from == '\0')
    /* TRANSLATORS: who changed or deleted an item, when the file does not say */
    return g_strdup (_("someone else"));
  if (comma && comma > from && g_ascii_isdigit (comma[2]))
    return g_strndup (from, comma - from);
  return g_strdup (from);
}

/* The sentence a whole-item conflict is titled with, without a common version:
 * which side added the item and which deleted it is not known. */
static const char *
only_one_side (FwItemKind kind,
               gboolean   mine)
{
  switch (kind)
    {
    case FW_ITEM_CASE:
      return mine ? _("Only your copy has this case") : _("Only the other copy has this case");
    case FW_ITEM_MEMBER:
      return mine ? _("Only your copy has this member")
                  : _("Only the other copy has this member");
    case FW_ITEM_ASSESSMENT:
      return mine ? _("Only your copy has this assessment")
                  : _("Only the other copy has this assessment");
    case FW_ITEM_IDEA:
    case FW_ITEM_WORKBOOK:
    case FW_N_ITEMS:
    default:
      return mine ? _("Only your copy has this idea") : _("Only the other copy has this idea");
    }
}

/* The sentence a whole-item conflict is titled with: who deleted it, who changed it. */
static char *
dup_item_sentence (const FwConflict *conflict)
{
  gboolean mine = is_true (conflict->ours);
  g_autofree char *who = NULL;

  if (conflict->base == NULL)
    return g_strdup (only_one_side (conflict->kind, mine));
  who = dup_side_name (conflict->theirs_from);
  switch (conflict->kind)
    {
    case FW_ITEM_CASE:
      if (mine)
        /* TRANSLATORS: %s is who deleted it in the other copy: "Ben" */
        return g_strdup_printf (_("You changed this case; %s deleted it"), who);
      /* TRANSLATORS: %s is who changed it in the other copy: "Ben" */
      return g_strdup_printf (_("You deleted this case; %s changed it"), who);
    case FW_ITEM_MEMBER:
      if (mine)
        /* TRANSLATORS: %s is who removed the member in the other copy: "Ben" */
        return g_strdup_printf (_("You changed this member; %s removed them from the team"),
                                who);
      /* TRANSLATORS: %s is who changed the member in the other copy: "Ben" */
      return g_strdup_printf (_("You removed this member from the team; %s changed them"), who);
    case FW_ITEM_ASSESSMENT:
      if (mine)
        /* TRANSLATORS: %s is who deleted it in the other copy: "Ben" */
        return g_strdup_printf (_("You changed this assessment; %s deleted it"), who);
      /* TRANSLATORS: %s is who changed it in the other copy: "Ben" */
      return g_strdup_printf (_("You deleted this assessment; %s changed it"), who);
    case FW_ITEM_IDEA:
    case FW_ITEM_WORKBOOK:
    case FW_N_ITEMS:
    default:
      if (mine)
        /* TRANSLATORS: %s is who deleted it in the other copy: "Ben" */
        return g_strdup_printf (_("You changed this idea; %s deleted it"), who);
      /* TRANSLATORS: %s is who changed it in the other copy: "Ben" */
      return g_strdup_printf (_("You deleted this idea; %s changed it"), who);
    }
}

/* "Mine: “…”" or "Mine (Aiko, 2026-12-01T10:00:00Z): “…”". */
static char *
dup_side_line (FwWorkbook       *workbook,
               const FwConflict *conflict,
               gboolean          mine)
{
  const char *from = mine ? conflict->ours_from : conflict->theirs_from;
  g_autofree char *text = fw_field_format_value (workbook, conflict->kind, conflict->field,
                                                 mine ? conflict->ours : conflict->theirs, 0);

  if (from && *from && mine)
    /* TRANSLATORS: your value in a conflict: "Mine (Aiko, 2026-12-01T10:00:00Z): “…”";
     * %1$s says whose copy and when, %2$s is the value */
    return g_strdup_printf (_("Mine (%1$s): %2$s"), from, text);
  if (from && *from)
    /* TRANSLATORS: the other copy's value in a conflict: "Theirs (Ben,
     * 2026-12-01T10:00:00Z): “…”"; %1$s says whose copy and when, %2$s is the value */
    return g_strdup_printf (_("Theirs (%1$s): %2$s"), from, text);
  if (mine)
    /* TRANSLATORS: your value in a conflict: "Mine: “…”" */
    return g_strdup_printf (_("Mine: %s"), text);
  /* TRANSLATORS: the other copy's value in a conflict: "Theirs: “…”" */
  return g_strdup_printf (_("Theirs: %s"), text);
}

/* What the toast says after a resolution (markup). */
static char *
dup_toast_title (FwWorkbook       *workbook,
                 const FwConflict *conflict,
                 FwResolution      resolution,
                 JsonNode         *chosen)
{
  g_autofree char *item = fw_merge_describe_item (workbook, conflict->kind, conflict->id,
                                                  conflict->member_id);
  const char *label = fw_field_label (conflict->kind, conflict->field);
  g_autofree char *title = NULL;

  if (is_whole_item (conflict) && is_true (chosen))
    /* TRANSLATORS: a toast after a conflict about a whole item; %s is the item:
     * "Idea “Title”" */
    title = g_strdup_printf (_("Kept %s"), item);
  else if (is_whole_item (conflict))
    /* TRANSLATORS: a toast after a conflict about a whole item; %s is the item:
     * "Idea “Title”" */
    title = g_strdup_printf (_("Deleted %s"), item);
  else if (resolution == FW_RESOLVE_OURS)
    /* TRANSLATORS: a toast after a conflict is resolved; %1$s is a field ("Data —
     * why"), %2$s the item it belongs to ("Idea “Title”") */
    title = g_strdup_printf (_("Kept yours for %1$s (%2$s)"), label, item);
  else if (resolution == FW_RESOLVE_THEIRS)
    /* TRANSLATORS: a toast after a conflict is resolved; %1$s is a field ("Data —
     * why"), %2$s the item it belongs to ("Idea “Title”") */
    title = g_strdup_printf (_("Kept theirs for %1$s (%2$s)"), label, item);
  else
    /* TRANSLATORS: a toast after a conflict is resolved with a value the user typed;
     * %1$s is a field ("Data — why"), %2$s the item ("Idea “Title”") */
    title = g_strdup_printf (_("Saved your edit of %1$s (%2$s)"), label, item);
  return g_markup_escape_text (title, -1);
}

/* ------------------------------------------------------------------ resolving */

static guint
find_conflict (GPtrArray        *conflicts,
               const FwConflict *conflict)
{
  for (guint i = 0; i < conflicts->len; i++)
    if (fw_conflict_equal (conflicts->pdata[i], conflict))
      return i;
  return G_MAXUINT;
}

static void
focus_row (FwConflictsPage *self,
           guint            position)
{
  GtkWidget *button;

  if (self->rows->len == 0)
    return;
  button = g_object_get_data (self->rows->pdata[MIN (position, self->rows->len - 1)],
                              "first-button");
  if (button)
    gtk_widget_grab_focus (button);
}

/* Resolves @conflict (found again by its contents: the list may have changed
 * since the row or the dialog was made), keeps what undoes it, and says so. */
static void
resolve (FwConflictsPage  *self,
         const FwConflict *conflict,
         FwResolution      resolution,
         JsonNode         *value)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autoptr(FwConflict) resolved = fw_conflict_copy (conflict);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean focus_here = focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
  Snapshot *snapshot;
  JsonNode *chosen;
  guint index, shown = 0;
  gboolean ok;

  if (self->workbook == NULL)
    return;
  before = fw_workbook_dup_conflicts (self->workbook);
  index = find_conflict (before, resolved);
  if (index == G_MAXUINT)
    return;
  for (guint i = 0; i < self->rows->len; i++)
    if (fw_conflict_equal (g_object_get_data (self->rows->pdata[i], "conflict"), resolved))
      shown = i;
  chosen = resolution == FW_RESOLVE_OURS ? resolved->ours
           : resolution == FW_RESOLVE_THEIRS ? resolved->theirs : value;
  snapshot = snapshot_new (self->workbook, before, resolved, chosen);
  /* Said in the terms of the workbook before: a deleted item is still named. */
  message = dup_toast_title (self->workbook, resolved, resolution, chosen);

  self->busy++;
  ok = fw_workbook_resolve_conflict (self->workbook, index, resolution, value, &error);
  self->busy--;
  if (!ok)
    {
      snapshot_free (snapshot);
      fw_ui_show_error (fw_ui_get_window (GTK_WIDGET (self)),
                        _("Could Not Resolve the Conflict"), error->message);
      return;
    }
  g_ptr_array_add (self->undo, snapshot);
  if (self->undo->len == 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  sync_conflicts (self, FALSE);
  if (focus_here)
    focus_row (self, shown);
  g_signal_emit (self, signals[RESOLVED], 0, message);
}

static const FwConflict *
row_conflict (GtkWidget *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_PREFERENCES_ROW);

  return row ? g_object_get_data (G_OBJECT (row), "conflict") : NULL;
}

static void
keep_mine_clicked_cb (GtkButton       *button,
                      FwConflictsPage *self)
{
  const FwConflict *conflict = row_conflict (GTK_WIDGET (button));

  if (conflict)
    resolve (self, conflict, FW_RESOLVE_OURS, NULL);
}

static void
take_theirs_clicked_cb (GtkButton       *button,
                        FwConflictsPage *self)
{
  const FwConflict *conflict = row_conflict (GTK_WIDGET (button));

  if (conflict)
    resolve (self, conflict, FW_RESOLVE_THEIRS, NULL);
}

/* Keep It / Delete It: the side that did so, or the value itself when neither did. */
static void
resolve_item (FwConflictsPage  *self,
              const FwConflict *conflict,
              gboolean          keep)
{
  g_autoptr(JsonNode) value = json_node_init_boolean (json_node_alloc (), keep);

  if (is_true (conflict->ours) == keep)
    resolve (self, conflict, FW_RESOLVE_OURS, NULL);
  else if (is_true (conflict->theirs) == keep)
    resolve (self, conflict, FW_RESOLVE_THEIRS, NULL);
  else
    resolve (self, conflict, FW_RESOLVE_VALUE, value);
}

static void
keep_item_clicked_cb (GtkButton       *button,
                      FwConflictsPage *self)
{
  const FwConflict *conflict = row_conflict (GTK_WIDGET (button));

  if (conflict)
    resolve_item (self, conflict, TRUE);
}

static void
delete_item_clicked_cb (GtkButton       *button,
                        FwConflictsPage *self)
{
  const FwConflict *conflict = row_conflict (GTK_WIDGET (button));

  if (conflict)
    resolve_item (self, conflict, FALSE);
}

static GEnumClass *
conflict_enum_class (const FwConflict *conflict)
{
  gboolean on_judgement;
  GParamSpec *pspec = field_pspec (conflict->kind, conflict->field, &on_judgement);

  return pspec && G_IS_PARAM_SPEC_ENUM (pspec) ? G_PARAM_SPEC_ENUM (pspec)->enum_class : NULL;
}

static void
edit_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  FwConflictsPage  *self)
{
  const FwConflict *conflict = g_object_get_data (G_OBJECT (dialog), "conflict");
  GtkWidget *input = g_object_get_data (G_OBJECT (dialog), "input");
  g_autoptr(JsonNode) value = NULL;

  if (g_strcmp0 (response, "save") != 0 || conflict == NULL || input == NULL)
    return;
  if (GTK_IS_DROP_DOWN (input))
    {
      GEnumClass *klass = conflict_enum_class (conflict);
      guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (input));

      if (klass == NULL || selected >= klass->n_values)
        return;
      value = json_node_init_string (json_node_alloc (), klass->values[selected].value_nick);
    }
  else if (GTK_IS_TEXT_VIEW (input))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      value = json_node_init_string (json_node_alloc (), text);
    }
  else
    value = json_node_init_string (json_node_alloc (),
                                   gtk_editable_get_text (GTK_EDITABLE (input)));
  resolve (self, conflict, FW_RESOLVE_VALUE, value);
}

static const char *
node_string (JsonNode *node)
{
  if (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  return "";
}

/* A value of one's own, starting from mine: a line, a text, or one of the choices. */
static void
edit_clicked_cb (GtkButton       *button,
                 FwConflictsPage *self)
{
  const FwConflict *conflict = row_conflict (GTK_WIDGET (button));
  g_autofree char *item = NULL;
  const char *label;
  GtkWidget *dialog, *input, *extra;

  if (conflict == NULL || self->workbook == NULL)
    return;
  item = fw_merge_describe_item (self->workbook, conflict->kind, conflict->id,
                                 conflict->member_id);
  label = fw_field_label (conflict->kind, conflict->field);
  dialog = adw_message_dialog_new (fw_ui_get_window (GTK_WIDGET (self)), label, item);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  switch (edit_kind (conflict))
    {
    case EDIT_CHOICE:
      {
        GEnumClass *klass = conflict_enum_class (conflict);
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
        guint selected = 0;

        for (guint i = 0; i < klass->n_values; i++)
          {
            g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (),
                                                              klass->values[i].value_nick);
            g_autofree char *text = fw_field_format_value (self->workbook, conflict->kind,
                                                           conflict->field, node, 0);

            gtk_string_list_append (labels, text);
            if (g_str_equal (klass->values[i].value_nick, node_string (conflict->ours)))
              selected = i;
          }
        input = extra = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
        gtk_drop_down_set_selected (GTK_DROP_DOWN (input), selected);
      }
      break;
    case EDIT_TEXT:
      {
        GtkTextBuffer *buffer;

        input = gtk_text_view_new ();
        buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (input));
        gtk_text_buffer_set_text (buffer, node_string (conflict->ours), -1);
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (input), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (input), FALSE);
        gtk_text_view_set_top_margin (GTK_TEXT_VIEW (input), 8);
        gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (input), 8);
        gtk_text_view_set_left_margin (GTK_TEXT_VIEW (input), 8);
        gtk_text_view_set_right_margin (GTK_TEXT_VIEW (input), 8);
        extra = gtk_scrolled_window_new ();
        gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (extra), GTK_POLICY_NEVER,
                                        GTK_POLICY_AUTOMATIC);
        gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (extra), 96);
        gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (extra), 240);
        gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (extra), TRUE);
        gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (extra), input);
        gtk_widget_add_css_class (extra, "card");
      }
      break;
    case EDIT_LINE:
    case EDIT_NONE:
    default:
      input = extra = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (input), node_string (conflict->ours));
      gtk_entry_set_activates_default (GTK_ENTRY (input), TRUE);
      break;
    }
  gtk_widget_set_name (input, "edit-input");
  gtk_accessible_update_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), extra);
  g_object_set_data_full (G_OBJECT (dialog), "conflict", fw_conflict_copy (conflict),
                          (GDestroyNotify) fw_conflict_free);
  g_object_set_data (G_OBJECT (dialog), "input", input);
  g_signal_connect_object (dialog, "response", G_CALLBACK (edit_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (input);
}

/* ------------------------------------------------------------------ the list */

static GtkWidget *
add_button (GtkWidget  *box,
            const char *mnemonic,
            const char *name,
            const char *description,
            GCallback   callback,
            gpointer    self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_set_name (button, name);
  /* Every row has these buttons: the description says which value they are for. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

static GtkWidget *
new_row (FwConflictsPage  *self,
         const FwConflict *conflict)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *item = fw_merge_describe_item (self->workbook, conflict->kind, conflict->id,
                                                  conflict->member_id);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  GtkWidget *first, *label;

  gtk_widget_set_name (row, "conflict");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (buttons, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);

  if (is_whole_item (conflict))
    {
      title = dup_item_sentence (conflict);
      label = fw_ui_new_text (title, "heading");
      gtk_widget_set_name (label, "conflict-title");
      gtk_box_append (GTK_BOX (box), label);
      first = add_button (buttons, _("_Keep It"), "keep-item", item,
                          G_CALLBACK (keep_item_clicked_cb), self);
      add_button (buttons, _("_Delete It"), "delete-item", item,
                  G_CALLBACK (delete_item_clicked_cb), self);
    }
  else
    {
      g_autofree char *mine = dup_side_line (self->workbook, conflict, TRUE);
      g_autofree char *theirs = dup_side_line (self->workbook, conflict, FALSE);

      title = g_strdup (fw_field_label (conflict->kind, conflict->field));
      /* TRANSLATORS: what the buttons of a conflict are for, read out by a screen
       * reader: "Data — why, Idea “Title”" */
      description = g_strdup_printf (_("%1$s, %2$s"), title, item);
      label = fw_ui_new_text (title, "heading");
      gtk_widget_set_name (label, "conflict-title");
      gtk_widget_set_hexpand (label, TRUE);
      if (edit_kind (conflict) != EDIT_NONE)
        {
          /* Beside the field's name, so that the row's two answers fit at 360 px. */
          GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
          GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

          gtk_widget_set_name (edit, "edit-value");
          gtk_widget_add_css_class (edit, "flat");
          gtk_widget_set_valign (edit, GTK_ALIGN_START);
          gtk_widget_set_tooltip_text (edit, _("Edit Value"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (edit),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit Value"),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                          -1);
          g_signal_connect_object (edit, "clicked", G_CALLBACK (edit_clicked_cb), self, 0);
          gtk_box_append (GTK_BOX (line), label);
          gtk_box_append (GTK_BOX (line), edit);
          gtk_box_append (GTK_BOX (box), line);
        }
      else
        gtk_box_append (GTK_BOX (box), label);
      label = fw_ui_new_text (mine, NULL);
      gtk_widget_set_name (label, "mine-value");
      gtk_box_append (GTK_BOX (box), label);
      label = fw_ui_new_text (theirs, NULL);
      gtk_widget_set_name (label, "theirs-value");
      gtk_box_append (GTK_BOX (box), label);
      if (conflict->base)
        {
          g_autofree char *value = fw_field_format_value (self->workbook, conflict->kind,
                                                          conflict->field, conflict->base, 0);
          /* TRANSLATORS: the value both copies started from, in a conflict */
          g_autofree char *text = g_strdup_printf (_("Before: %s"), value);

          label = fw_ui_new_text (text, "dim-label");
          gtk_widget_set_name (label, "base-value");
          gtk_box_append (GTK_BOX (box), label);
        }
      first = add_button (buttons, _("Keep _Mine"), "keep-mine", description,
                          G_CALLBACK (keep_mine_clicked_cb), self);
      add_button (buttons, _("Take _Theirs"), "take-theirs", description,
                  G_CALLBACK (take_theirs_clicked_cb), self);
    }
  gtk_box_append (GTK_BOX (box), buttons);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "conflict", fw_conflict_copy (conflict),
                          (GDestroyNotify) fw_conflict_free);
  g_object_set_data (G_OBJECT (row), "first-button", first);
  return row;
}

static void
set_group_title (AdwPreferencesGroup *group,
                 FwWorkbook          *workbook,
                 const FwConflict    *conflict)
{
  g_autofree char *title = fw_merge_describe_item (workbook, conflict->kind, conflict->id,
                                                   conflict->member_id);
  g_autofree char *markup = g_markup_escape_text (title, -1);
  const char *shown = adw_preferences_group_get_title (group);

  /* libadwaita 1.2 gives the title's text back, later versions its markup. */
  if (g_strcmp0 (shown, title) != 0 && g_strcmp0 (shown, markup) != 0)
    adw_preferences_group_set_title (group, markup);
}

static gboolean
same_item (const FwConflict *a,
           const FwConflict *b)
{
  return a->kind == b->kind && g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->member_id, b->member_id) == 0;
}

static void
rebuild (FwConflictsPage *self)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();   /* the first conflict of each item */
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->groups_box)))
    gtk_box_remove (GTK_BOX (self->groups_box), child);
  g_ptr_array_set_size (self->rows, 0);

  /* One group per item, in the order of its first conflict. */
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      gboolean known = FALSE;

      for (guint g = 0; g < groups->len && !known; g++)
        known = same_item (groups->pdata[g], self->conflicts->pdata[i]);
      if (!known)
        g_ptr_array_add (groups, self->conflicts->pdata[i]);
    }
  for (guint g = 0; g < groups->len; g++)
    {
      GtkWidget *group = adw_preferences_group_new ();

      gtk_widget_set_name (group, "conflict-item");
      set_group_title (ADW_PREFERENCES_GROUP (group), self->workbook, groups->pdata[g]);
      fw_ui_wrap_group_title (group);
      g_object_set_data_full (G_OBJECT (group), "conflict", fw_conflict_copy (groups->pdata[g]),
                              (GDestroyNotify) fw_conflict_free);
      for (guint i = 0; i < self->conflicts->len; i++)
        if (same_item (groups->pdata[g], self->conflicts->pdata[i]))
          {
            GtkWidget *row = new_row (self, self->conflicts->pdata[i]);

            adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
            g_ptr_array_add (self->rows, row);
          }
      gtk_box_append (GTK_BOX (self->groups_box), group);
    }
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    self->conflicts->len ? "conflicts" : "empty");
}

static gboolean
same_conflicts (GPtrArray *a,
                GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!fw_conflict_equal (a->pdata[i], b->pdata[i]))
      return FALSE;
  return TRUE;
}

/* Reads the workbook's conflicts again when they may have changed, and rebuilds
 * the list only when they did. */
static void
sync_conflicts (FwConflictsPage *self,
                gboolean         force)
{
  JsonObject *extra = self->workbook ? fw_workbook_get_extra (self->workbook) : NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  guint n_before = self->conflicts->len;

  if (!force && extra == self->extra)
    return;
  if (extra)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;

  conflicts = self->workbook ? fw_workbook_dup_conflicts (self->workbook)
                             : g_ptr_array_new_with_free_func ((GDestroyNotify) fw_conflict_free);
  if (!force && same_conflicts (conflicts, self->conflicts))
    return;
  /* Changed elsewhere (a reload, another merge): the steps no longer fit. */
  if (self->busy == 0)
    clear_undo (self);
  g_ptr_array_unref (self->conflicts);
  self->conflicts = g_steal_pointer (&conflicts);
  rebuild (self);
  if (self->conflicts->len != n_before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
}

/* An item renamed elsewhere: its group's title follows, once idle. */
static gboolean
titles_idle_cb (gpointer data)
{
  FwConflictsPage *self = data;

  self->titles_idle = 0;
  for (GtkWidget *group = gtk_widget_get_first_child (self->groups_box); group;
       group = gtk_widget_get_next_sibling (group))
    set_group_title (ADW_PREFERENCES_GROUP (group), self->workbook,
                     g_object_get_data (G_OBJECT (group), "conflict"));
  return G_SOURCE_REMOVE;
}

static void
workbook_changed_cb (FwConflictsPage *self)
{
  sync_conflicts (self, FALSE);
  if (self->titles_idle == 0 && self->conflicts->len > 0)
    self->titles_idle = g_idle_add (titles_idle_cb, self);
}

/* ------------------------------------------------------------------ the widget */

static void
fw_conflicts_page_dispose (GObject *object)
{
  FwConflictsPage *self = FW_CONFLICTS_PAGE (object);

  g_clear_handle_id (&self->titles_idle, g_source_remove);
  if (self->workbook)
    g_signal_handlers_disconnect_by_data (self->workbook, self);
  g_clear_object (&self->workbook);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  G_OBJECT_CLASS (fw_conflicts_page_parent_class)->dispose (object);
}

static void
fw_conflicts_page_finalize (GObject *object)
{
  FwConflictsPage *self = FW_CONFLICTS_PAGE (object);

  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  G_OBJECT_CLASS (fw_conflicts_page_parent_class)->finalize (object);
}

static void
fw_conflicts_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FwConflictsPage *self = FW_CONFLICTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_CONFLICTS:
      g_value_set_uint (value, fw_conflicts_page_get_n_conflicts (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, fw_conflicts_page_can_undo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_conflicts_page_class_init (FwConflictsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fw_conflicts_page_dispose;
  object_class->finalize = fw_conflicts_page_finalize;
  object_class->get_property = fw_conflicts_page_get_property;

  properties[PROP_N_CONFLICTS] =
    g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RESOLVED] =
    g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
fw_conflicts_page_init (FwConflictsPage *self)
{
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_conflict_free);
  self->rows = g_ptr_array_new ();
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) snapshot_free);

  self->stack = gtk_stack_new ();
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Conflicts"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("The workbook is merged: nothing is left to choose."));
  gtk_widget_set_name (empty, "no-conflicts");
  gtk_stack_add_named (GTK_STACK (self->stack), empty, "empty");

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box),
                  fw_ui_new_text (_("Both copies changed these, each in its own way. Until you "
                                    "choose, the workbook keeps yours."), NULL));
  self->groups_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  gtk_box_append (GTK_BOX (box), self->groups_box);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "conflicts");
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
}

GtkWidget *
fw_conflicts_page_new (void)
{
  return g_object_new (FW_TYPE_CONFLICTS_PAGE, NULL);
}

void
fw_conflicts_page_set_workbook (FwConflictsPage *self,
                                FwWorkbook      *workbook)
{
  g_return_if_fail (FW_IS_CONFLICTS_PAGE (self));
  g_return_if_fail (workbook == NULL || FW_IS_WORKBOOK (workbook));

  if (self->workbook == workbook)
    return;
  if (self->workbook)
    g_signal_handlers_disconnect_by_data (self->workbook, self);
  g_set_object (&self->workbook, workbook);
  if (workbook)
    g_signal_connect_swapped (workbook, "changed", G_CALLBACK (workbook_changed_cb), self);
  clear_undo (self);
  sync_conflicts (self, TRUE);
}

FwWorkbook *
fw_conflicts_page_get_workbook (FwConflictsPage *self)
{
  g_return_val_if_fail (FW_IS_CONFLICTS_PAGE (self), NULL);
  return self->workbook;
}

guint
fw_conflicts_page_get_n_conflicts (FwConflictsPage *self)
{
  g_return_val_if_fail (FW_IS_CONFLICTS_PAGE (self), 0);
  return self->conflicts->len;
}

gboolean
fw_conflicts_page_can_undo (FwConflictsPage *self)
{
  g_return_val_if_fail (FW_IS_CONFLICTS_PAGE (self), FALSE);
  return self->undo->len > 0;
}

gboolean
fw_conflicts_page_undo (FwConflictsPage *self)
{
  Snapshot *snapshot;

  g_return_val_if_fail (FW_IS_CONFLICTS_PAGE (self), FALSE);

  if (self->undo->len == 0 || self->workbook == NULL)
    return FALSE;
  snapshot = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  self->busy++;
  if (snapshot->item)
    restore_item (self->workbook, snapshot);
  else if (snapshot->owner && snapshot->pspec)
    g_object_set_property (snapshot->owner, snapshot->pspec->name, &snapshot->value);
  else if (snapshot->owner)
    fw_idea_set_revealed (FW_IDEA (snapshot->owner), g_value_get_boolean (&snapshot->value));
  fw_workbook_set_conflicts (self->workbook, snapshot->conflicts);
  self->busy--;
  sync_conflicts (self, FALSE);
  snapshot_free (snapshot);
  if (self->undo->len == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  return TRUE;
}
