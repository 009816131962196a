/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "fw-conflicts-page-private.h"
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
GParamSpec *
_fw_conflict_field_pspec (FwItemKind  kind,
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

gboolean
_fw_conflict_is_true (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

gboolean
_fw_conflict_is_whole_item (const FwConflict *conflict)
{
  return *conflict->field == '\0';
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
  if (_fw_conflict_is_whole_item (conflict))
    {
      /* A copy: the item leaves the workbook, and nothing may change it there. */
      if (!_fw_conflict_is_true (chosen))
        {
          snapshot->item = fw_item_copy (conflict->kind, item);
          snapshot->position = position;
          snapshot->idea_id = g_strdup (conflict->id);
        }
      return snapshot;
    }
  {
    gboolean on_judgement;
    GParamSpec *pspec = _fw_conflict_field_pspec (conflict->kind, conflict->field, &on_judgement);
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

/* ------------------------------------------------------------------ resolving */

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

  if (_fw_conflict_is_whole_item (conflict) && _fw_conflict_is_true (chosen))
    /* TRANSLATORS: a toast after a conflict about a whole item; %s is the item:
     * "Idea “Title”" */
    title = g_strdup_printf (_("Kept %s"), item);
  else if (_fw_conflict_is_whole_item (conflict))
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
void
_fw_conflicts_page_resolve (FwConflictsPage  *self,
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

/* ------------------------------------------------------------------ the list */

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
            GtkWidget *row = _fw_conflict_row_new (self, self->conflicts->pdata[i]);

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

