/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"

#include <string.h>

#include "fw-idea.h"
#include "fw-member-assessment.h"
#include "fw-json.h"
#include "fw-text.h"

struct _FwIdea
{
  GObject          parent_instance;

  char            *texts[FW_N_IDEA_TEXTS];
  FwTask           task;
  FwApplicability  applicability;
  char            *whys[FW_N_STAGES];
  FwEvidence       evidence[FW_N_STAGES];
  gboolean         conditions[FW_N_CONDITIONS];
  char            *condition_notes[FW_N_CONDITIONS];
  FwAnswer         answers[FW_N_QUESTIONS];
  FwLevel          priorities[FW_N_PRIORITIES];
  guint            action;         /* fw_idea_begin_action(): 0 outside one */
  gboolean         loading;        /* fw_idea_new_for_loading(): no notifications yet */
  guint            action_depth;
  char           **case_ids;
  FwDecision       decision;
  char            *decision_rationale;
  char            *decision_date;
  gboolean         revealed;
  GListStore      *assessments;  /* made on first use: most ideas have none */
  JsonObject      *extra;
  guint64          revision;  /* counts changes: see fw_idea_get_revision() */
};

G_DEFINE_FINAL_TYPE (FwIdea, fw_idea, G_TYPE_OBJECT)

/* Property ids are laid out in runs, one run per indexed field. */
enum {
  PROP_0,
  PROP_TEXT_FIRST,
  PROP_TASK = PROP_TEXT_FIRST + FW_N_IDEA_TEXTS,
  PROP_APPLICABILITY,
  PROP_WHY_FIRST,
  PROP_EVIDENCE_FIRST = PROP_WHY_FIRST + FW_N_STAGES,
  PROP_CONDITION_FIRST = PROP_EVIDENCE_FIRST + FW_N_STAGES,
  PROP_NOTE_FIRST = PROP_CONDITION_FIRST + FW_N_CONDITIONS,
  PROP_ANSWER_FIRST = PROP_NOTE_FIRST + FW_N_CONDITIONS,
  PROP_PRIORITY_FIRST = PROP_ANSWER_FIRST + FW_N_QUESTIONS,
  PROP_CASE_IDS = PROP_PRIORITY_FIRST + FW_N_PRIORITIES,
  PROP_DECISION,
  PROP_DECISION_RATIONALE,
  PROP_DECISION_DATE,
  PROP_ASSESSMENTS,  /* read only, so the undo history does not record it */
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *text_names[] = {
  "id", "title", "as-a", "i-want", "so-that", "customer", "input-data", "output-data",
  "importance-reason", "urgency-reason", "ml-value-reason", "concerns", "blockers",
  "notes", "event-storming-url",
};
G_STATIC_ASSERT (G_N_ELEMENTS (text_names) == FW_N_IDEA_TEXTS);

static const char *priority_names[] = { "importance", "urgency", "ml-value" };
G_STATIC_ASSERT (G_N_ELEMENTS (priority_names) == FW_N_PRIORITIES);

#define IN_RUN(id, first, n) ((id) >= (first) && (id) < (first) + (n))

/* Every change goes through here (or fw_idea_set_extra()): counted at once, even
 * while notifications are frozen, so a cache keyed by the revision is never stale. */
static void
note_change (FwIdea     *self,
             GParamSpec *pspec)
{
  self->revision++;
  if (!self->loading)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
fw_idea_dispatch_properties_changed (GObject     *object,
                                     guint        n_pspecs,
                                     GParamSpec **pspecs)
{
  G_OBJECT_CLASS (fw_idea_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);

  /* One "changed" per batch of notifications, so listeners such as the
   * assessment and the diagram recompute once per edit. */
  g_signal_emit (object, signals[CHANGED], 0);
}

static void
fw_idea_finalize (GObject *object)
{
  FwIdea *self = (FwIdea *)object;

  for (guint i = 0; i < FW_N_IDEA_TEXTS; i++)
    g_free (self->texts[i]);
  for (guint i = 0; i < FW_N_STAGES; i++)
    g_free (self->whys[i]);
  for (guint i = 0; i < FW_N_CONDITIONS; i++)
    g_free (self->condition_notes[i]);
  g_strfreev (self->case_ids);
  g_free (self->decision_rationale);
  g_free (self->decision_date);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (fw_idea_parent_class)->finalize (object);
}

static void assessment_changed_cb (FwIdea *self);

static void
fw_idea_dispose (GObject *object)
{
  FwIdea *self = (FwIdea *)object;

  if (self->assessments)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->assessments));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->assessments), i);

          g_signal_handlers_disconnect_by_func (item, assessment_changed_cb, self);
        }
    }
  g_clear_object (&self->assessments);

  G_OBJECT_CLASS (fw_idea_parent_class)->dispose (object);
}

static void
fw_idea_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  FwIdea *self = FW_IDEA (object);

  if (IN_RUN (prop_id, PROP_TEXT_FIRST, FW_N_IDEA_TEXTS))
    g_value_set_string (value, self->texts[prop_id - PROP_TEXT_FIRST]);
  else if (prop_id == PROP_TASK)
    g_value_set_enum (value, self->task);
  else if (prop_id == PROP_APPLICABILITY)
    g_value_set_enum (value, self->applicability);
  else if (IN_RUN (prop_id, PROP_WHY_FIRST, FW_N_STAGES))
    g_value_set_string (value, self->whys[prop_id - PROP_WHY_FIRST]);
  else if (IN_RUN (prop_id, PROP_EVIDENCE_FIRST, FW_N_STAGES))
    g_value_set_enum (value, self->evidence[prop_id - PROP_EVIDENCE_FIRST]);
  else if (IN_RUN (prop_id, PROP_CONDITION_FIRST, FW_N_CONDITIONS))
    g_value_set_boolean (value, self->conditions[prop_id - PROP_CONDITION_FIRST]);
  else if (IN_RUN (prop_id, PROP_NOTE_FIRST, FW_N_CONDITIONS))
    g_value_set_string (value, self->condition_notes[prop_id - PROP_NOTE_FIRST]);
  else if (IN_RUN (prop_id, PROP_ANSWER_FIRST, FW_N_QUESTIONS))
    g_value_set_enum (value, self->answers[prop_id - PROP_ANSWER_FIRST]);
  else if (IN_RUN (prop_id, PROP_PRIORITY_FIRST, FW_N_PRIORITIES))
    g_value_set_enum (value, self->priorities[prop_id - PROP_PRIORITY_FIRST]);
  else if (prop_id == PROP_CASE_IDS)
    g_value_set_boxed (value, self->case_ids);
  else if (prop_id == PROP_DECISION)
    g_value_set_enum (value, self->decision);
  else if (prop_id == PROP_DECISION_RATIONALE)
    g_value_set_string (value, self->decision_rationale);
  else if (prop_id == PROP_DECISION_DATE)
    g_value_set_string (value, self->decision_date);
  else if (prop_id == PROP_ASSESSMENTS)
    g_value_set_object (value, fw_idea_get_assessments (self));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
fw_idea_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  FwIdea *self = FW_IDEA (object);

  if (IN_RUN (prop_id, PROP_TEXT_FIRST, FW_N_IDEA_TEXTS))
    fw_idea_set_text (self, prop_id - PROP_TEXT_FIRST, g_value_get_string (value));
  else if (prop_id == PROP_TASK)
    fw_idea_set_task (self, g_value_get_enum (value));
  else if (prop_id == PROP_APPLICABILITY)
    fw_idea_set_applicability (self, g_value_get_enum (value));
  else if (IN_RUN (prop_id, PROP_WHY_FIRST, FW_N_STAGES))
    fw_idea_set_why (self, prop_id - PROP_WHY_FIRST, g_value_get_string (value));
  else if (IN_RUN (prop_id, PROP_EVIDENCE_FIRST, FW_N_STAGES))
    fw_idea_set_evidence (self, prop_id - PROP_EVIDENCE_FIRST, g_value_get_enum (value));
  else if (IN_RUN (prop_id, PROP_CONDITION_FIRST, FW_N_CONDITIONS))
    fw_idea_set_condition (self, prop_id - PROP_CONDITION_FIRST, g_value_get_boolean (value));
  else if (IN_RUN (prop_id, PROP_NOTE_FIRST, FW_N_CONDITIONS))
    fw_idea_set_condition_note (self, prop_id - PROP_NOTE_FIRST, g_value_get_string (value));
  else if (IN_RUN (prop_id, PROP_ANSWER_FIRST, FW_N_QUESTIONS))
    fw_idea_set_answer (self, prop_id - PROP_ANSWER_FIRST, g_value_get_enum (value));
  else if (IN_RUN (prop_id, PROP_PRIORITY_FIRST, FW_N_PRIORITIES))
    fw_idea_set_priority (self, prop_id - PROP_PRIORITY_FIRST, g_value_get_enum (value));
  else if (prop_id == PROP_CASE_IDS)
    fw_idea_set_case_ids (self, g_value_get_boxed (value));
  else if (prop_id == PROP_DECISION)
    fw_idea_set_decision (self, g_value_get_enum (value));
  else if (prop_id == PROP_DECISION_RATIONALE)
    fw_idea_set_decision_rationale (self, g_value_get_string (value));
  else if (prop_id == PROP_DECISION_DATE)
    fw_idea_set_decision_date (self, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (g_intern_string (name), NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                              G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
enum_pspec (const char *name,
            GType       type)
{
  return g_param_spec_enum (g_intern_string (name), NULL, NULL, type, 0,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                            G_PARAM_STATIC_STRINGS);
}

static void
fw_idea_class_init (FwIdeaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fw_idea_dispose;
  object_class->finalize = fw_idea_finalize;
  object_class->get_property = fw_idea_get_property;
  object_class->set_property = fw_idea_set_property;
  object_class->dispatch_properties_changed = fw_idea_dispatch_properties_changed;

  for (guint i = 0; i < FW_N_IDEA_TEXTS; i++)
    properties[PROP_TEXT_FIRST + i] = string_pspec (text_names[i]);
  properties[PROP_TASK] = enum_pspec ("task", FW_TYPE_TASK);
  properties[PROP_APPLICABILITY] = enum_pspec ("applicability", FW_TYPE_APPLICABILITY);
  for (guint i = 0; i < FW_N_STAGES; i++)
    {
      properties[PROP_WHY_FIRST + i] = string_pspec (fw_idea_why_property_name (i));
      properties[PROP_EVIDENCE_FIRST + i] =
        enum_pspec (fw_idea_evidence_property_name (i), FW_TYPE_EVIDENCE);
    }
  for (guint i = 0; i < FW_N_CONDITIONS; i++)
    {
      properties[PROP_CONDITION_FIRST + i] =
        g_param_spec_boolean (fw_idea_condition_property_name (i), NULL, NULL, FALSE,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                              G_PARAM_STATIC_STRINGS);
      properties[PROP_NOTE_FIRST + i] = string_pspec (fw_idea_condition_note_property_name (i));
    }
  for (guint i = 0; i < FW_N_QUESTIONS; i++)
    properties[PROP_ANSWER_FIRST + i] =
      enum_pspec (fw_idea_answer_property_name (i), FW_TYPE_ANSWER);
  for (guint i = 0; i < FW_N_PRIORITIES; i++)
    properties[PROP_PRIORITY_FIRST + i] = enum_pspec (priority_names[i], FW_TYPE_LEVEL);
  properties[PROP_CASE_IDS] =
    g_param_spec_boxed ("case-ids", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DECISION] = enum_pspec ("decision", FW_TYPE_DECISION);
  properties[PROP_DECISION_RATIONALE] = string_pspec ("decision-rationale");
  properties[PROP_DECISION_DATE] = string_pspec ("decision-date");
  properties[PROP_ASSESSMENTS] =
    g_param_spec_object ("assessments", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FwIdea::changed:
   *
   * Emitted once after any batch of property changes.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fw_idea_init (FwIdea *self)
{
  for (guint i = 0; i < FW_N_IDEA_TEXTS; i++)
    self->texts[i] = g_strdup ("");
  for (guint i = 0; i < FW_N_STAGES; i++)
    self->whys[i] = g_strdup ("");
  for (guint i = 0; i < FW_N_CONDITIONS; i++)
    self->condition_notes[i] = g_strdup ("");
  self->case_ids = g_new0 (char *, 1);
  self->decision_rationale = g_strdup ("");
  self->decision_date = g_strdup ("");
}

FwIdea *
fw_idea_new (void)
{
  FwIdea *self = g_object_new (FW_TYPE_IDEA, NULL);

  g_free (self->texts[FW_IDEA_ID]);
  self->texts[FW_IDEA_ID] = g_uuid_string_random ();
  return self;
}

/* A workbook of 10,000 ideas spent a fifth of its load making random ids the file
 * then replaced and queueing notifications nobody listened to. */
FwIdea *
fw_idea_new_for_loading (void)
{
  FwIdea *self = g_object_new (FW_TYPE_IDEA, NULL);

  self->loading = TRUE;
  return self;
}

void
fw_idea_loaded (FwIdea *self)
{
  g_return_if_fail (FW_IS_IDEA (self));

  self->loading = FALSE;
  if (*self->texts[FW_IDEA_ID] == '\0')
    {
      g_free (self->texts[FW_IDEA_ID]);
      self->texts[FW_IDEA_ID] = g_uuid_string_random ();
    }
}

static FwIdea *
copy_idea (FwIdea   *self,
           gboolean  with_team)
{
  FwIdea *copy = g_object_new (FW_TYPE_IDEA, NULL);   /* the id is copied below */

  for (guint i = 0; i < FW_N_IDEA_TEXTS; i++)
    fw_text_set (&copy->texts[i], self->texts[i]);
  copy->task = self->task;
  copy->applicability = self->applicability;
  for (guint i = 0; i < FW_N_STAGES; i++)
    {
      fw_text_set (&copy->whys[i], self->whys[i]);
      copy->evidence[i] = self->evidence[i];
    }
  for (guint i = 0; i < FW_N_CONDITIONS; i++)
    {
      copy->conditions[i] = self->conditions[i];
      fw_text_set (&copy->condition_notes[i], self->condition_notes[i]);
    }
  memcpy (copy->answers, self->answers, sizeof copy->answers);
  memcpy (copy->priorities, self->priorities, sizeof copy->priorities);
  g_strfreev (copy->case_ids);
  copy->case_ids = g_strdupv (self->case_ids);
  if (with_team)
    {
      copy->decision = self->decision;
      fw_text_set (&copy->decision_rationale, self->decision_rationale);
      fw_text_set (&copy->decision_date, self->decision_date);
      copy->revealed = self->revealed;
    }
  for (guint i = 0; with_team && i < fw_idea_get_n_assessments (self); i++)
    {
      g_autoptr(FwMemberAssessment) item =
        g_list_model_get_item (G_LIST_MODEL (self->assessments), i);
      g_autoptr(FwMemberAssessment) dup = fw_member_assessment_copy (item);

      fw_idea_set_assessment (copy, dup);
    }
  copy->extra = fw_json_object_copy (self->extra);
  /* What a newer version added to the decision goes with the decision. */
  if (!with_team && copy->extra && json_object_has_member (copy->extra, "decision"))
    json_object_remove_member (copy->extra, "decision");
  return copy;
}

/* A full copy, id included; callers that duplicate an idea give it a new id. */
FwIdea *
fw_idea_copy (FwIdea *self)
{
  g_return_val_if_fail (FW_IS_IDEA (self), NULL);
  return copy_idea (self, TRUE);
}

FwIdea *
fw_idea_dup_without_team (FwIdea *self)
{
  g_return_val_if_fail (FW_IS_IDEA (self), NULL);
  return copy_idea (self, FALSE);
}

static gboolean
strv_equal (char **a,
            char **b)
{
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

/* Equal in everything the app knows; unknown members are not compared. */
gboolean
fw_idea_equal (FwIdea *a,
               FwIdea *b)
{
  g_return_val_if_fail (FW_IS_IDEA (a) && FW_IS_IDEA (b), FALSE);

  for (guint i = 0; i < FW_N_IDEA_TEXTS; i++)
    if (g_strcmp0 (a->texts[i], b->texts[i]) != 0)
      return FALSE;
  for (guint i = 0; i < FW_N_STAGES; i++)
    if (g_strcmp0 (a->whys[i], b->whys[i]) != 0 || a->evidence[i] != b->evidence[i])
      return FALSE;
  for (guint i = 0; i < FW_N_CONDITIONS; i++)
    if (a->conditions[i] != b->conditions[i] ||
        g_strcmp0 (a->condition_notes[i], b->condition_notes[i]) != 0)
      return FALSE;
  if (fw_idea_get_n_assessments (a) != fw_idea_get_n_assessments (b))
    return FALSE;
  for (guint i = 0; i < fw_idea_get_n_assessments (a); i++)
    {
      g_autoptr(FwMemberAssessment) ia = g_list_model_get_item (G_LIST_MODEL (a->assessments), i);
      g_autoptr(FwMemberAssessment) ib = g_list_model_get_item (G_LIST_MODEL (b->assessments), i);

      if (!fw_member_assessment_equal (ia, ib))
        return FALSE;
    }
  return a->task == b->task &&
         a->applicability == b->applicability &&
         memcmp (a->answers, b->answers, sizeof a->answers) == 0 &&
         memcmp (a->priorities, b->priorities, sizeof a->priorities) == 0 &&
         strv_equal (a->case_ids, b->case_ids) &&
         a->decision == b->decision &&
         g_str_equal (a->decision_rationale, b->decision_rationale) &&
         g_str_equal (a->decision_date, b->decision_date) &&
         a->revealed == b->revealed;
}

const char *
fw_idea_get_text (FwIdea     *self,
                  FwIdeaText  field)
{
  g_return_val_if_fail (FW_IS_IDEA (self), NULL);
  g_return_val_if_fail (field < FW_N_IDEA_TEXTS, NULL);
  return self->texts[field];
}

void
fw_idea_set_text (FwIdea     *self,
                  FwIdeaText  field,
                  const char *text)
{
  g_return_if_fail (FW_IS_IDEA (self));
  g_return_if_fail (field < FW_N_IDEA_TEXTS);

  if (fw_text_set (&self->texts[field], text))
    note_change (self, properties[PROP_TEXT_FIRST + field]);
}

const char *
fw_idea_get_id (FwIdea *self)
{
  return fw_idea_get_text (self, FW_IDEA_ID);
}

const char *
fw_idea_get_title (FwIdea *self)
{
  return fw_idea_get_text (self, FW_IDEA_TITLE);
}

/**
 * fw_idea_dup_display_title:
 * @self: an idea
 *
 * The title as every list, diagram, report and export shows it: without white
 * space at either end, or "Untitled idea" when nothing is left.
 *
 * Returns: (transfer full): a translated string
 */
char *
fw_idea_dup_display_title (FwIdea *self)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (FW_IS_IDEA (self), NULL);

  title = fw_text_dup_stripped (fw_idea_get_title (self));
  if (*title == '\0')
    return g_strdup (_("Untitled idea"));
  return g_steal_pointer (&title);
}

void
fw_idea_set_title (FwIdea     *self,
                   const char *title)
{
  fw_idea_set_text (self, FW_IDEA_TITLE, title);
}

FwTask
fw_idea_get_task (FwIdea *self)
{
  g_return_val_if_fail (FW_IS_IDEA (self), FW_TASK_UNDECIDED);
  return self->task;
}

void
fw_idea_set_task (FwIdea *self,
                  FwTask  task)
{
  g_return_if_fail (FW_IS_IDEA (self));
  g_return_if_fail (task < FW_N_TASKS);

  if (self->task != task)
    {
      self->task = task;
      note_change (self, properties[PROP_TASK]);
    }
}

FwApplicability
fw_idea_get_applicability (FwIdea *self)
{
  g_return_val_if_fail (FW_IS_IDEA (self), FW_APPLICABILITY_UNKNOWN);
  return self->applicability;
}

void
fw_idea_set_applicability (FwIdea          *self,
                           FwApplicability  applicability)
{
  g_return_if_fail (FW_IS_IDEA (self));
  g_return_if_fail (applicability < FW_N_APPLICABILITIES);

  if (self->applicability != applicability)
    {
      self->applicability = applicability;
      note_change (self, properties[PROP_APPLICABILITY]);
    }
}

const char *
fw_idea_get_why (FwIdea  *self,
                 FwStage  stage)
{
  g_return_val_if_fail (FW_IS_IDEA (self), NULL);
  g_return_val_if_fail (stage < FW_N_STAGES, NULL);
  return self->whys[stage];
}

void
fw_idea_set_why (FwIdea     *self,
                 FwStage     stage,
                 const char *why)
{
  g_return_if_fail (FW_IS_IDEA (self));
  g_return_if_fail (stage < FW_N_STAGES);

  if (fw_text_set (&self->whys[stage], why))
    note_change (self, properties[PROP_WHY_FIRST + stage]);
}

FwEvidence
fw_idea_get_evidence (FwIdea  *self,
                      FwStage  stage)
{
  g_return_val_if_fail (FW_IS_IDEA (self), FW_EVIDENCE_NONE);
  g_return_val_if_fail (stage < FW_N_STAGES, FW_EVIDENCE_NONE);
  return self->evidence[stage];
}

void
fw_idea_set_evidence (FwIdea     *self,
                      FwStage     stage,
                      FwEvidence  evidence)
{
  g_return_if_fail (FW_IS_IDEA (self));
  g_return_if_fail (stage < FW_N_STAGES);
  g_return_if_fail (evidence < FW_N_EVIDENCE);

  if (self->evidence[stage] != evidence)
    {
      self->evidence[stage] = evidence;
      note_change (self, properties[PROP_EVIDENCE_FIRST + stage]);
    }
}

gboolean
fw_idea_get_condition (FwIdea      *self,
                       FwCondition  condition)
{
  g_return_val_if_fail (FW_IS_IDEA (self), FALSE);
  g_return_val_if_fail (condition < FW_N_CONDITIONS, FALSE);
  return self->conditions[condition];
}

void
fw_idea_set_condition (FwIdea      *self,
                       FwCondition  condition,
                       gboolean     ticked)
{
  g_return_if_fail (FW_IS_IDEA (self));
  g_return_if_fail (condition < FW_N_CONDITIONS);

  ticked = !!ticked;
  if (self->conditions[condition] != ticked)
    {
      self->conditions[condition] = ticked;
      note_change (self, properties[PROP_CONDITION_FIRST + condition]);
    }
}

const char *
fw_idea_get_condition_note (FwIdea      *self,
                            FwCondition  condition)
{
  g_return_val_if_fail (FW_IS_IDEA (self), NULL);
  g_return_val_if_fail (condition < FW_N_CONDITIONS, NULL);
  return self->condition_notes[condition];
}

void
fw_idea_set_condition_note (FwIdea      *self,
                            FwCondition  condition,
                            const char  *note)
{
  g_return_if_fail (FW_IS_IDEA (self));
  g_return_if_fail (condition < FW_N_CONDITIONS);

  if (fw_text_set (&self->condition_notes[condition], note))
    note_change (self, properties[PROP_NOTE_FIRST + condition]);
}

FwAnswer
fw_idea_get_answer (FwIdea     *self,
                    FwQuestion  question)
{
  g_return_val_if_fail (FW_IS_IDEA (self), FW_ANSWER_UNANSWERED);
  g_return_val_if_fail (question < FW_N_QUESTIONS, FW_ANSWER_UNANSWERED);
  return self->answers[question];
}

void
fw_idea_set_answer (FwIdea     *self,
                    FwQuestion  question,
                    FwAnswer    answer)
{
  g_return_if_fail (FW_IS_IDEA (self));
  g_return_if_fail (question < FW_N_QUESTIONS);
  g_return_if_fail (answer < FW_N_ANSWERS);

  if (self->answers[question] != answer)
    {
      self->answers[question] = answer;
      note_change (self, properties[PROP_ANSWER_FIRST + question]);
    }
}

FwLevel
fw_idea_get_priority (FwIdea     *self,
                      FwPriority  which)
{
  g_return_val_if_fail (FW_IS_IDEA (self), FW_LEVEL_UNSET);
  g_return_val_if_fail (which < FW_N_PRIORITIES, FW_LEVEL_UNSET);
  return self->priorities[which];
}

void
fw_idea_set_priority (FwIdea     *self,
                      FwPriority  which,
                      FwLevel     level)
{
  g_return_if_fail (FW_IS_IDEA (self));
  g_return_if_fail (which < FW_N_PRIORITIES);
  g_return_if_fail (level < FW_N_LEVELS);

  if (self->priorities[which] != level)
    {
      self->priorities[which] = level;
      note_change (self, properties[PROP_PRIORITY_FIRST + which]);
    }
}

const char * const *
fw_idea_get_case_ids (FwIdea *self)
{
  g_return_val_if_fail (FW_IS_IDEA (self), NULL);
  return (const char * const *) self->case_ids;
}

void
fw_idea_set_case_ids (FwIdea             *self,
                      const char * const *ids)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (FW_IS_IDEA (self));

  if (ids == NULL)
    ids = empty;
  if (g_strv_equal ((const char * const *) self->case_ids, ids))
    return;
  g_strfreev (self->case_ids);
  self->case_ids = g_strdupv ((char **) ids);
  note_change (self, properties[PROP_CASE_IDS]);
}

JsonObject *
fw_idea_get_extra (FwIdea *self)
{
  g_return_val_if_fail (FW_IS_IDEA (self), NULL);
  return self->extra;
}

void
fw_idea_set_extra (FwIdea     *self,
                   JsonObject *extra)
{
  g_return_if_fail (FW_IS_IDEA (self));

  if (extra)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
  self->revision++;
}

/* The idea's own count plus each assessment's: every change to either makes the
 * sum grow, and removing an assessment adds its count to the idea's own, so the
 * sum never goes back to a value it had. */
guint64
fw_idea_get_revision (FwIdea *self)
{
  guint64 revision;
  guint n;

  g_return_val_if_fail (FW_IS_IDEA (self), 0);

  revision = self->revision;
  n = fw_idea_get_n_assessments (self);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FwMemberAssessment) item =
        g_list_model_get_item (G_LIST_MODEL (self->assessments), i);

      revision += fw_member_assessment_get_revision (item);
    }
  return revision;
}

/* Judgement fields */

static const FwIdeaText judgement_texts[] = {
  FW_IDEA_IMPORTANCE_REASON, FW_IDEA_URGENCY_REASON, FW_IDEA_ML_VALUE_REASON,
  FW_IDEA_CONCERNS, FW_IDEA_BLOCKERS,
};

void
fw_idea_set_judgement_from (FwIdea *self,
                            FwIdea *other)
{
  g_return_if_fail (FW_IS_IDEA (self));
  g_return_if_fail (FW_IS_IDEA (other));

  fw_idea_begin_action (self);
  g_object_freeze_notify (G_OBJECT (self));
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      fw_idea_set_why (self, s, other->whys[s]);
      fw_idea_set_evidence (self, s, other->evidence[s]);
    }
  for (guint c = 0; c < FW_N_CONDITIONS; c++)
    {
      fw_idea_set_condition (self, c, other->conditions[c]);
      fw_idea_set_condition_note (self, c, other->condition_notes[c]);
    }
  for (guint q = 0; q < FW_N_QUESTIONS; q++)
    fw_idea_set_answer (self, q, other->answers[q]);
  for (guint p = 0; p < FW_N_PRIORITIES; p++)
    fw_idea_set_priority (self, p, other->priorities[p]);
  for (guint i = 0; i < G_N_ELEMENTS (judgement_texts); i++)
    fw_idea_set_text (self, judgement_texts[i], other->texts[judgement_texts[i]]);
  /* The queued notifications go out while the action still holds. */
  g_object_thaw_notify (G_OBJECT (self));
  fw_idea_end_action (self);
}

void
fw_idea_begin_action (FwIdea *self)
{
  static guint last_action;

  g_return_if_fail (FW_IS_IDEA (self));

  if (self->action_depth++ == 0)
    {
      /* Ideas are edited on the main thread; 0 stays "no action". */
      if (++last_action == 0)
        last_action = 1;
      self->action = last_action;
    }
}

void
fw_idea_end_action (FwIdea *self)
{
  g_return_if_fail (FW_IS_IDEA (self));
  g_return_if_fail (self->action_depth > 0);

  if (--self->action_depth == 0)
    self->action = 0;
}

guint
fw_idea_get_action (FwIdea *self)
{
  g_return_val_if_fail (FW_IS_IDEA (self), 0);

  return self->action;
}

static int
compare_numbers (int a,
                 int b)
{
  return a < b ? -1 : a > b;
}

int
fw_idea_compare_judgement (FwIdea *a,
                           FwIdea *b)
{
  int order;

  g_return_val_if_fail (FW_IS_IDEA (a) && FW_IS_IDEA (b), 0);

  for (guint s = 0; s < FW_N_STAGES; s++)
    if ((order = compare_numbers (a->evidence[s], b->evidence[s])) != 0 ||
        (order = strcmp (a->whys[s], b->whys[s])) != 0)
      return order;
  for (guint c = 0; c < FW_N_CONDITIONS; c++)
    if ((order = compare_numbers (a->conditions[c], b->conditions[c])) != 0 ||
        (order = strcmp (a->condition_notes[c], b->condition_notes[c])) != 0)
      return order;
  for (guint q = 0; q < FW_N_QUESTIONS; q++)
    if ((order = compare_numbers (a->answers[q], b->answers[q])) != 0)
      return order;
  for (guint p = 0; p < FW_N_PRIORITIES; p++)
    if ((order = compare_numbers (a->priorities[p], b->priorities[p])) != 0)
      return order;
  for (guint i = 0; i < G_N_ELEMENTS (judgement_texts); i++)
    if ((order = strcmp (a->texts[judgement_texts[i]], b->texts[judgement_texts[i]])) != 0)
      return order;
  return 0;
}

/* The team's assessments */

static void
assessment_changed_cb (FwIdea *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSESSMENTS]);
}

GListModel *
fw_idea_get_assessments (FwIdea *self)
{
  g_return_val_if_fail (FW_IS_IDEA (self), NULL);

  if (self->assessments == NULL)
    self->assessments = g_list_store_new (FW_TYPE_MEMBER_ASSESSMENT);
  return G_LIST_MODEL (self->assessments);
}

guint
fw_idea_get_n_assessments (FwIdea *self)
{
  g_return_val_if_fail (FW_IS_IDEA (self), 0);
  return self->assessments ? g_list_model_get_n_items (G_LIST_MODEL (self->assessments)) : 0;
}

FwMemberAssessment *
fw_idea_find_assessment (FwIdea     *self,
                         const char *member_id,
                         guint      *position)
{
  guint n;

  g_return_val_if_fail (FW_IS_IDEA (self), NULL);

  n = fw_idea_get_n_assessments (self);
  for (guint i = 0; i < n && member_id; i++)
    {
      g_autoptr(FwMemberAssessment) item =
        g_list_model_get_item (G_LIST_MODEL (self->assessments), i);

      if (g_str_equal (fw_member_assessment_get_member_id (item), member_id))
        {
          if (position)
            *position = i;
          return item;  /* the store keeps its reference */
        }
    }
  return NULL;
}

void
fw_idea_set_assessment (FwIdea             *self,
                        FwMemberAssessment *assessment)
{
  guint position;

  g_return_if_fail (FW_IS_IDEA (self));
  g_return_if_fail (FW_IS_MEMBER_ASSESSMENT (assessment));

  if (fw_idea_find_assessment (self, fw_member_assessment_get_member_id (assessment),
                               &position) == assessment)
    return;
  g_signal_connect_swapped (assessment, "changed", G_CALLBACK (assessment_changed_cb), self);
  if (fw_idea_find_assessment (self, fw_member_assessment_get_member_id (assessment),
                               &position) != NULL)
    {
      fw_idea_remove_assessment (self, position);
      g_list_store_insert (self->assessments, position, assessment);
    }
  else
    g_list_store_append (G_LIST_STORE (fw_idea_get_assessments (self)), assessment);
  note_change (self, properties[PROP_ASSESSMENTS]);
}

void
fw_idea_remove_assessment (FwIdea *self,
                           guint   position)
{
  g_autoptr(FwMemberAssessment) item = NULL;

  g_return_if_fail (FW_IS_IDEA (self));
  g_return_if_fail (position < fw_idea_get_n_assessments (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->assessments), position);
  g_signal_handlers_disconnect_by_func (item, assessment_changed_cb, self);
  self->revision += fw_member_assessment_get_revision (item);
  g_list_store_remove (self->assessments, position);
  note_change (self, properties[PROP_ASSESSMENTS]);
}

/* The decision */

FwDecision
fw_idea_get_decision (FwIdea *self)
{
  g_return_val_if_fail (FW_IS_IDEA (self), FW_DECISION_NONE);
  return self->decision;
}

void
fw_idea_set_decision (FwIdea     *self,
                      FwDecision  decision)
{
  g_return_if_fail (FW_IS_IDEA (self));
  g_return_if_fail (decision < FW_N_DECISIONS);

  if (self->decision != decision)
    {
      self->decision = decision;
      note_change (self, properties[PROP_DECISION]);
    }
}

const char *
fw_idea_get_decision_rationale (FwIdea *self)
{
  g_return_val_if_fail (FW_IS_IDEA (self), NULL);
  return self->decision_rationale;
}

void
fw_idea_set_decision_rationale (FwIdea     *self,
                                const char *rationale)
{
  g_return_if_fail (FW_IS_IDEA (self));
  if (fw_text_set (&self->decision_rationale, rationale))
    note_change (self, properties[PROP_DECISION_RATIONALE]);
}

const char *
fw_idea_get_decision_date (FwIdea *self)
{
  g_return_val_if_fail (FW_IS_IDEA (self), NULL);
  return self->decision_date;
}

void
fw_idea_set_decision_date (FwIdea     *self,
                           const char *date)
{
  g_return_if_fail (FW_IS_IDEA (self));
  if (fw_text_set (&self->decision_date, date))
    note_change (self, properties[PROP_DECISION_DATE]);
}

gboolean
fw_idea_get_revealed (FwIdea *self)
{
  g_return_val_if_fail (FW_IS_IDEA (self), FALSE);
  return self->revealed;
}

void
fw_idea_set_revealed (FwIdea   *self,
                      gboolean  revealed)
{
  g_return_if_fail (FW_IS_IDEA (self));

  if (self->revealed == !!revealed)
    return;
  self->revealed = !!revealed;
  self->revision++;
  g_signal_emit (self, signals[CHANGED], 0);
}

static const char *
prefixed (const char *prefix,
          const char *id)
{
  g_autofree char *name = g_strconcat (prefix, id, NULL);
  return g_intern_string (name);
}

const char *
fw_idea_text_property_name (FwIdeaText field)
{
  g_return_val_if_fail (field < FW_N_IDEA_TEXTS, NULL);
  return text_names[field];
}

const char *
fw_idea_why_property_name (FwStage stage)
{
  return prefixed ("why-", fw_stage_to_id (stage));
}

const char *
fw_idea_evidence_property_name (FwStage stage)
{
  return prefixed ("evidence-", fw_stage_to_id (stage));
}

const char *
fw_idea_condition_property_name (FwCondition condition)
{
  return prefixed ("condition-", fw_condition_to_id (condition));
}

const char *
fw_idea_condition_note_property_name (FwCondition condition)
{
  return prefixed ("condition-note-", fw_condition_to_id (condition));
}

const char *
fw_idea_answer_property_name (FwQuestion question)
{
  return prefixed ("answer-", fw_question_to_id (question));
}

const char *
fw_idea_priority_property_name (FwPriority which)
{
  g_return_val_if_fail (which < FW_N_PRIORITIES, NULL);
  return priority_names[which];
}
