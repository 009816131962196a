/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"

#include "fw-case.h"
#include "fw-json.h"
#include "fw-text.h"

struct _FwCase
{
  GObject     parent_instance;

  char       *texts[FW_N_CASE_TEXTS];
  FwTask      task;
  char       *whys[FW_N_STAGES];
  JsonObject *extra;
};

G_DEFINE_FINAL_TYPE (FwCase, fw_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT_FIRST,
  PROP_TASK = PROP_TEXT_FIRST + FW_N_CASE_TEXTS,
  PROP_WHY_FIRST,
  N_PROPS = PROP_WHY_FIRST + FW_N_STAGES
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *text_names[] = {
  "id", "name", "summary", "problem", "solution", "impact", "link",
};
G_STATIC_ASSERT (G_N_ELEMENTS (text_names) == FW_N_CASE_TEXTS);

static void
fw_case_dispatch_properties_changed (GObject     *object,
                                     guint        n_pspecs,
                                     GParamSpec **pspecs)
{
  G_OBJECT_CLASS (fw_case_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);
  g_signal_emit (object, signals[CHANGED], 0);
}

static void
fw_case_finalize (GObject *object)
{
  FwCase *self = (FwCase *)object;

  for (guint i = 0; i < FW_N_CASE_TEXTS; i++)
    g_free (self->texts[i]);
  for (guint i = 0; i < FW_N_STAGES; i++)
    g_free (self->whys[i]);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (fw_case_parent_class)->finalize (object);
}

static void
fw_case_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  FwCase *self = FW_CASE (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id < PROP_TEXT_FIRST + FW_N_CASE_TEXTS)
    g_value_set_string (value, self->texts[prop_id - PROP_TEXT_FIRST]);
  else if (prop_id == PROP_TASK)
    g_value_set_enum (value, self->task);
  else if (prop_id >= PROP_WHY_FIRST && prop_id < PROP_WHY_FIRST + FW_N_STAGES)
    g_value_set_string (value, self->whys[prop_id - PROP_WHY_FIRST]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
fw_case_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  FwCase *self = FW_CASE (object);

  if (prop_id >= PROP_TEXT_FIRST && prop_id < PROP_TEXT_FIRST + FW_N_CASE_TEXTS)
    fw_case_set_text (self, prop_id - PROP_TEXT_FIRST, g_value_get_string (value));
  else if (prop_id == PROP_TASK)
    fw_case_set_task (self, g_value_get_enum (value));
  else if (prop_id >= PROP_WHY_FIRST && prop_id < PROP_WHY_FIRST + FW_N_STAGES)
    fw_case_set_why (self, prop_id - PROP_WHY_FIRST, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
fw_case_class_init (FwCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fw_case_finalize;
  object_class->get_property = fw_case_get_property;
  object_class->set_property = fw_case_set_property;
  object_class->dispatch_properties_changed = fw_case_dispatch_properties_changed;

  for (guint i = 0; i < FW_N_CASE_TEXTS; i++)
    properties[PROP_TEXT_FIRST + i] =
      g_param_spec_string (text_names[i], NULL, NULL, "",
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TASK] =
    g_param_spec_enum ("task", NULL, NULL, FW_TYPE_TASK, FW_TASK_UNDECIDED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < FW_N_STAGES; i++)
    properties[PROP_WHY_FIRST + i] =
      g_param_spec_string (fw_case_why_property_name (i), NULL, NULL, "",
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fw_case_init (FwCase *self)
{
  for (guint i = 0; i < FW_N_CASE_TEXTS; i++)
    self->texts[i] = g_strdup ("");
  for (guint i = 0; i < FW_N_STAGES; i++)
    self->whys[i] = g_strdup ("");
  g_free (self->texts[FW_CASE_ID]);
  self->texts[FW_CASE_ID] = g_uuid_string_random ();
}

FwCase *
fw_case_new (void)
{
  return g_object_new (FW_TYPE_CASE, NULL);
}

FwCase *
fw_case_copy (FwCase *self)
{
  FwCase *copy;

  g_return_val_if_fail (FW_IS_CASE (self), NULL);

  copy = fw_case_new ();
  for (guint i = 0; i < FW_N_CASE_TEXTS; i++)
    fw_text_set (&copy->texts[i], self->texts[i]);
  copy->task = self->task;
  for (guint i = 0; i < FW_N_STAGES; i++)
    fw_text_set (&copy->whys[i], self->whys[i]);
  copy->extra = fw_json_object_copy (self->extra);
  return copy;
}

gboolean
fw_case_equal (FwCase *a,
               FwCase *b)
{
  g_return_val_if_fail (FW_IS_CASE (a) && FW_IS_CASE (b), FALSE);

  for (guint i = 0; i < FW_N_CASE_TEXTS; i++)
    if (g_strcmp0 (a->texts[i], b->texts[i]) != 0)
      return FALSE;
  for (guint i = 0; i < FW_N_STAGES; i++)
    if (g_strcmp0 (a->whys[i], b->whys[i]) != 0)
      return FALSE;
  return a->task == b->task;
}

const char *
fw_case_get_text (FwCase     *self,
                  FwCaseText  field)
{
  g_return_val_if_fail (FW_IS_CASE (self), NULL);
  g_return_val_if_fail (field < FW_N_CASE_TEXTS, NULL);
  return self->texts[field];
}

void
fw_case_set_text (FwCase     *self,
                  FwCaseText  field,
                  const char *text)
{
  g_return_if_fail (FW_IS_CASE (self));
  g_return_if_fail (field < FW_N_CASE_TEXTS);

  if (fw_text_set (&self->texts[field], text))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_FIRST + field]);
}

const char *
fw_case_get_id (FwCase *self)
{
  return fw_case_get_text (self, FW_CASE_ID);
}

const char *
fw_case_get_name (FwCase *self)
{
  return fw_case_get_text (self, FW_CASE_NAME);
}

FwTask
fw_case_get_task (FwCase *self)
{
  g_return_val_if_fail (FW_IS_CASE (self), FW_TASK_UNDECIDED);
  return self->task;
}

void
fw_case_set_task (FwCase *self,
                  FwTask  task)
{
  g_return_if_fail (FW_IS_CASE (self));
  g_return_if_fail (task < FW_N_TASKS);

  if (self->task != task)
    {
      self->task = task;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK]);
    }
}

const char *
fw_case_get_why (FwCase  *self,
                 FwStage  stage)
{
  g_return_val_if_fail (FW_IS_CASE (self), NULL);
  g_return_val_if_fail (stage < FW_N_STAGES, NULL);
  return self->whys[stage];
}

void
fw_case_set_why (FwCase     *self,
                 FwStage     stage,
                 const char *why)
{
  g_return_if_fail (FW_IS_CASE (self));
  g_return_if_fail (stage < FW_N_STAGES);

  if (fw_text_set (&self->whys[stage], why))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WHY_FIRST + stage]);
}

JsonObject *
fw_case_get_extra (FwCase *self)
{
  g_return_val_if_fail (FW_IS_CASE (self), NULL);
  return self->extra;
}

void
fw_case_set_extra (FwCase     *self,
                   JsonObject *extra)
{
  g_return_if_fail (FW_IS_CASE (self));

  if (extra)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

const char *
fw_case_text_property_name (FwCaseText field)
{
  g_return_val_if_fail (field < FW_N_CASE_TEXTS, NULL);
  return text_names[field];
}

const char *
fw_case_why_property_name (FwStage stage)
{
  g_autofree char *name = g_strconcat ("why-", fw_stage_to_id (stage), NULL);
  return g_intern_string (name);
}

const char *
fw_case_text_label (FwCaseText field)
{
  static const char *labels[] = {
    "",
    N_("Case name"),
    N_("Summary"),
    /* TRANSLATORS: the three parts of a case, as the deck's slides head them
     * (PROBLEM, SOLUTION, IMPACT). */
    N_("Problem"),
    N_("Solution"),
    N_("Impact"),
    N_("Link (URL)"),
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == FW_N_CASE_TEXTS);
  g_return_val_if_fail (field < FW_N_CASE_TEXTS, "");
  return field == FW_CASE_ID ? "" : _(labels[field]);
}

void
fw_case_set_from (FwCase *self,
                  FwCase *other)
{
  g_return_if_fail (FW_IS_CASE (self));
  g_return_if_fail (FW_IS_CASE (other));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < FW_N_CASE_TEXTS; i++)
    if (i != FW_CASE_ID)
      fw_case_set_text (self, i, other->texts[i]);
  fw_case_set_task (self, other->task);
  for (guint s = 0; s < FW_N_STAGES; s++)
    fw_case_set_why (self, s, other->whys[s]);
  g_object_thaw_notify (G_OBJECT (self));
}
