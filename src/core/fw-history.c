/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-history.h"

/* Typing in one field: changes this close together are one step. */
#define TYPING_USEC (1 * G_USEC_PER_SEC)
/* One action that sets several properties: these are one step too. */
#define ACTION_USEC (30 * 1000)

typedef struct
{
  const char *property;   /* interned */
  GValue      before;
  GValue      after;
} Change;

typedef struct
{
  FwIdea  *idea;
  GArray  *changes;       /* Change */
  gint64   last;          /* monotonic time of the last change */
  guint    action;        /* fw_idea_get_action() when it began, 0 outside one */
  gboolean closed;        /* fw_history_break() */
} Step;

struct _FwHistory
{
  GObject     parent_instance;

  GHashTable *shadows;    /* FwIdea → FwIdea: the watched idea as last seen */
  GPtrArray  *undo;       /* Step */
  GPtrArray  *redo;       /* Step */
  FwIdea     *applying;   /* the idea undo/redo is changing, not to be recorded */
};

G_DEFINE_FINAL_TYPE (FwHistory, fw_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_value_unset (&change->before);
  g_value_unset (&change->after);
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->idea);
  g_array_unref (step->changes);
  g_free (step);
}

static void
notify_can (FwHistory *self,
            gboolean   could_undo,
            gboolean   could_redo)
{
  if (could_undo != fw_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != fw_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    return g_strv_equal (g_value_get_boxed (a) ? g_value_get_boxed (a) : (char *[]) { NULL },
                         g_value_get_boxed (b) ? g_value_get_boxed (b) : (char *[]) { NULL });
  return g_param_values_cmp (pspec, a, b) == 0;
}

static void
idea_notify_cb (FwIdea     *idea,
                GParamSpec *pspec,
                FwHistory  *self)
{
  FwIdea *shadow = g_hash_table_lookup (self->shadows, idea);
  g_auto(GValue) before = G_VALUE_INIT;
  g_auto(GValue) after = G_VALUE_INIT;
  gboolean could_undo = fw_history_can_undo (self);
  gboolean could_redo = fw_history_can_redo (self);
  gint64 now = g_get_monotonic_time ();
  Step *top;
  Change change = { NULL, G_VALUE_INIT, G_VALUE_INIT };

  if (shadow == NULL || !(pspec->flags & G_PARAM_WRITABLE) ||
      (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
    return;
  g_value_init (&before, pspec->value_type);
  g_value_init (&after, pspec->value_type);
  g_object_get_property (G_OBJECT (shadow), pspec->name, &before);
  g_object_get_property (G_OBJECT (idea), pspec->name, &after);
  g_object_set_property (G_OBJECT (shadow), pspec->name, &after);
  if (self->applying == idea || values_equal (pspec, &before, &after))
    return;

  top = self->undo->len ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
  if (top != NULL && (top->closed || top->idea != idea))
    top = NULL;
  /* Inside one marked action every change joins its step, however slow the
   * handlers between them; a marked action starts a step of its own. */
  if (top != NULL && fw_idea_get_action (idea) != 0)
    {
      if (top->action != fw_idea_get_action (idea))
        top = NULL;
    }
  else if (top != NULL)
    {
      Change *last = &g_array_index (top->changes, Change, top->changes->len - 1);
      gboolean same_field = last->property == g_intern_string (pspec->name);

      /* Typing on in the same field: the step grows, its start stays. */
      if (top->changes->len == 1 && same_field && G_VALUE_HOLDS_STRING (&after) &&
          now - top->last < TYPING_USEC)
        {
          g_value_reset (&last->after);
          g_value_copy (&after, &last->after);
          top->last = now;
          g_ptr_array_set_size (self->redo, 0);
          notify_can (self, could_undo, could_redo);
          return;
        }
      /* Otherwise only the same action setting another property joins it. */
      if (same_field || now - top->last >= ACTION_USEC)
        top = NULL;
    }

  if (top == NULL)
    {
      top = g_new0 (Step, 1);
      top->idea = g_object_ref (idea);
      top->action = fw_idea_get_action (idea);
      top->changes = g_array_new (FALSE, TRUE, sizeof (Change));
      g_array_set_clear_func (top->changes, change_clear);
      g_ptr_array_add (self->undo, top);
    }
  change.property = g_intern_string (pspec->name);
  g_value_init (&change.before, pspec->value_type);
  g_value_init (&change.after, pspec->value_type);
  g_value_copy (&before, &change.before);
  g_value_copy (&after, &change.after);
  g_array_append_val (top->changes, change);
  top->last = now;
  g_ptr_array_set_size (self->redo, 0);
  notify_can (self, could_undo, could_redo);
}

static void
unwatch (gpointer key,
         gpointer value,
         gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (key, idea_notify_cb, user_data);
}

static void
fw_history_dispose (GObject *object)
{
  FwHistory *self = FW_HISTORY (object);

  if (self->shadows)
    g_hash_table_foreach (self->shadows, unwatch, self);
  g_clear_pointer (&self->shadows, g_hash_table_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);

  G_OBJECT_CLASS (fw_history_parent_class)->dispose (object);
}

static void
fw_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FwHistory *self = FW_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, fw_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, fw_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_history_class_init (FwHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_history_dispose;
  object_class->get_property = fw_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fw_history_init (FwHistory *self)
{
  self->shadows = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
}

FwHistory *
fw_history_new (void)
{
  return g_object_new (FW_TYPE_HISTORY, NULL);
}

void
fw_history_watch (FwHistory *self,
                  FwIdea    *idea)
{
  g_return_if_fail (FW_IS_HISTORY (self));
  g_return_if_fail (FW_IS_IDEA (idea));

  if (g_hash_table_contains (self->shadows, idea))
    return;
  g_hash_table_insert (self->shadows, g_object_ref (idea), fw_idea_copy (idea));
  g_signal_connect (idea, "notify", G_CALLBACK (idea_notify_cb), self);
}

static void
drop_steps (GPtrArray *steps,
            FwIdea    *idea)
{
  for (guint i = steps->len; i > 0; i--)
    if (idea == NULL || ((Step *) g_ptr_array_index (steps, i - 1))->idea == idea)
      g_ptr_array_remove_index (steps, i - 1);
}

void
fw_history_forget (FwHistory *self,
                   FwIdea    *idea)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (FW_IS_HISTORY (self));
  g_return_if_fail (FW_IS_IDEA (idea));

  could_undo = fw_history_can_undo (self);
  could_redo = fw_history_can_redo (self);
  if (g_hash_table_contains (self->shadows, idea))
    {
      g_signal_handlers_disconnect_by_func (idea, idea_notify_cb, self);
      g_hash_table_remove (self->shadows, idea);
    }
  drop_steps (self->undo, idea);
  drop_steps (self->redo, idea);
  notify_can (self, could_undo, could_redo);
}

void
fw_history_clear (FwHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (FW_IS_HISTORY (self));

  could_undo = fw_history_can_undo (self);
  could_redo = fw_history_can_redo (self);
  g_hash_table_foreach (self->shadows, unwatch, self);
  g_hash_table_remove_all (self->shadows);
  drop_steps (self->undo, NULL);
  drop_steps (self->redo, NULL);
  notify_can (self, could_undo, could_redo);
}

gboolean
fw_history_can_undo (FwHistory *self)
{
  g_return_val_if_fail (FW_IS_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
fw_history_can_redo (FwHistory *self)
{
  g_return_val_if_fail (FW_IS_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

void
fw_history_break (FwHistory *self)
{
  g_return_if_fail (FW_IS_HISTORY (self));

  if (self->undo->len > 0)
    ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->closed = TRUE;
}

/* Moves the last step of @from onto @to, setting each property back (or
 * forward) in the order that reverses (or repeats) the changes. */
static FwIdea *
move_step (FwHistory *self,
           GPtrArray *from,
           GPtrArray *to,
           gboolean   backwards)
{
  gboolean could_undo = fw_history_can_undo (self);
  gboolean could_redo = fw_history_can_redo (self);
  Step *step;
  FwIdea *idea;

  if (from->len == 0)
    return NULL;
  step = g_ptr_array_steal_index (from, from->len - 1);
  step->closed = TRUE;
  idea = step->idea;
  self->applying = idea;
  g_object_freeze_notify (G_OBJECT (idea));
  for (guint i = 0; i < step->changes->len; i++)
    {
      guint k = backwards ? step->changes->len - 1 - i : i;
      Change *change = &g_array_index (step->changes, Change, k);

      g_object_set_property (G_OBJECT (idea), change->property,
                             backwards ? &change->before : &change->after);
    }
  g_object_thaw_notify (G_OBJECT (idea));
  self->applying = NULL;
  g_ptr_array_add (to, step);
  notify_can (self, could_undo, could_redo);
  return idea;
}

FwIdea *
fw_history_undo (FwHistory *self)
{
  g_return_val_if_fail (FW_IS_HISTORY (self), NULL);
  return move_step (self, self->undo, self->redo, TRUE);
}

FwIdea *
fw_history_redo (FwHistory *self)
{
  g_return_val_if_fail (FW_IS_HISTORY (self), NULL);
  return move_step (self, self->redo, self->undo, FALSE);
}

FwIdea *
fw_history_peek_undo (FwHistory *self)
{
  g_return_val_if_fail (FW_IS_HISTORY (self), NULL);
  return self->undo->len ? ((Step *) g_ptr_array_index (self->undo, self->undo->len - 1))->idea
                         : NULL;
}

FwIdea *
fw_history_peek_redo (FwHistory *self)
{
  g_return_val_if_fail (FW_IS_HISTORY (self), NULL);
  return self->redo->len ? ((Step *) g_ptr_array_index (self->redo, self->redo->len - 1))->idea
                         : NULL;
}
