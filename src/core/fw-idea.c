/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"

#include "fw-idea.h"
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
  char           **case_ids;
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
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (fw_idea_parent_class)->finalize (object);
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
  g_free (self->texts[FW_IDEA_ID]);
  self->texts[FW_IDEA_ID] = g_uuid_string_random ();
}

FwIdea *
fw_idea_new (void)
{
  return g_object_new (FW_TYPE_IDEA, NULL);
}

/* A full copy, id included; callers that duplicate an idea give it a new id. */
FwIdea *
fw_idea_copy (FwIdea *self)
{
  FwIdea *copy;

  g_return_val_if_fail (FW_IS_IDEA (self), NULL);

  copy = fw_idea_new ();
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
  if (self->extra)
    {
      g_autoptr(JsonNode) node = json_node_alloc ();
      g_autoptr(JsonNode) dup = NULL;

      json_node_init_object (node, self->extra);
      dup = json_node_copy (node);
      copy->extra = json_object_ref (json_node_get_object (dup));
    }
  return copy;
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
  return a->task == b->task &&
         a->applicability == b->applicability &&
         memcmp (a->answers, b->answers, sizeof a->answers) == 0 &&
         memcmp (a->priorities, b->priorities, sizeof a->priorities) == 0 &&
         strv_equal (a->case_ids, b->case_ids);
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

guint64
fw_idea_get_revision (FwIdea *self)
{
  g_return_val_if_fail (FW_IS_IDEA (self), 0);
  return self->revision;
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
