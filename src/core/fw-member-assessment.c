/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "fw-member-assessment.h"
#include "fw-json.h"
#include "fw-text.h"

struct _FwMemberAssessment
{
  GObject     parent_instance;

  char       *member_id;
  char       *made;
  char       *comment;
  FwIdea     *judgement;
  JsonObject *extra;
  guint64     revision;  /* own changes; the judgement counts its own */
};

G_DEFINE_FINAL_TYPE (FwMemberAssessment, fw_member_assessment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MEMBER_ID,
  PROP_MADE,
  PROP_COMMENT,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
note_change (FwMemberAssessment *self,
             GParamSpec         *pspec)
{
  self->revision++;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
fw_member_assessment_dispatch_properties_changed (GObject     *object,
                                                  guint        n_pspecs,
                                                  GParamSpec **pspecs)
{
  G_OBJECT_CLASS (fw_member_assessment_parent_class)->dispatch_properties_changed (object,
                                                                                   n_pspecs,
                                                                                   pspecs);
  g_signal_emit (object, signals[CHANGED], 0);
}

static void
judgement_changed_cb (FwMemberAssessment *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
fw_member_assessment_dispose (GObject *object)
{
  FwMemberAssessment *self = (FwMemberAssessment *)object;

  if (self->judgement)
    g_signal_handlers_disconnect_by_data (self->judgement, self);
  g_clear_object (&self->judgement);

  G_OBJECT_CLASS (fw_member_assessment_parent_class)->dispose (object);
}

static void
fw_member_assessment_finalize (GObject *object)
{
  FwMemberAssessment *self = (FwMemberAssessment *)object;

  g_free (self->member_id);
  g_free (self->made);
  g_free (self->comment);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (fw_member_assessment_parent_class)->finalize (object);
}

static void
fw_member_assessment_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FwMemberAssessment *self = FW_MEMBER_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_MEMBER_ID:
      g_value_set_string (value, self->member_id);
      break;
    case PROP_MADE:
      g_value_set_string (value, self->made);
      break;
    case PROP_COMMENT:
      g_value_set_string (value, self->comment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_member_assessment_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  FwMemberAssessment *self = FW_MEMBER_ASSESSMENT (object);

  switch (prop_id)
    {
    case PROP_MEMBER_ID:
      fw_member_assessment_set_member_id (self, g_value_get_string (value));
      break;
    case PROP_MADE:
      fw_member_assessment_set_made (self, g_value_get_string (value));
      break;
    case PROP_COMMENT:
      fw_member_assessment_set_comment (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fw_member_assessment_class_init (FwMemberAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = fw_member_assessment_dispose;
  object_class->finalize = fw_member_assessment_finalize;
  object_class->get_property = fw_member_assessment_get_property;
  object_class->set_property = fw_member_assessment_set_property;
  object_class->dispatch_properties_changed = fw_member_assessment_dispatch_properties_changed;

  properties[PROP_MEMBER_ID] = g_param_spec_string ("member-id", NULL, NULL, "", flags);
  properties[PROP_MADE] = g_param_spec_string ("made", NULL, NULL, "", flags);
  properties[PROP_COMMENT] = g_param_spec_string ("comment", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FwMemberAssessment::changed:
   *
   * Emitted once after any batch of changes, to the judgement too.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fw_member_assessment_init (FwMemberAssessment *self)
{
  self->member_id = g_strdup ("");
  self->made = g_strdup ("");
  self->comment = g_strdup ("");
  self->judgement = fw_idea_new ();
  g_signal_connect_swapped (self->judgement, "changed", G_CALLBACK (judgement_changed_cb), self);
}

FwMemberAssessment *
fw_member_assessment_new (const char *member_id)
{
  FwMemberAssessment *self = g_object_new (FW_TYPE_MEMBER_ASSESSMENT, NULL);

  fw_text_set (&self->member_id, member_id);
  return self;
}

FwMemberAssessment *
fw_member_assessment_copy (FwMemberAssessment *self)
{
  FwMemberAssessment *copy;
  g_autoptr(JsonObject) judgement_extra = NULL;

  g_return_val_if_fail (FW_IS_MEMBER_ASSESSMENT (self), NULL);

  copy = fw_member_assessment_new (self->member_id);
  fw_text_set (&copy->made, self->made);
  fw_text_set (&copy->comment, self->comment);
  fw_idea_set_judgement_from (copy->judgement, self->judgement);
  judgement_extra = fw_json_object_copy (fw_idea_get_extra (self->judgement));
  fw_idea_set_extra (copy->judgement, judgement_extra);
  copy->extra = fw_json_object_copy (self->extra);
  return copy;
}

gboolean
fw_member_assessment_equal (FwMemberAssessment *a,
                            FwMemberAssessment *b)
{
  g_return_val_if_fail (FW_IS_MEMBER_ASSESSMENT (a) && FW_IS_MEMBER_ASSESSMENT (b), FALSE);
  return g_str_equal (a->member_id, b->member_id) &&
         g_str_equal (a->made, b->made) &&
         g_str_equal (a->comment, b->comment) &&
         fw_idea_compare_judgement (a->judgement, b->judgement) == 0;
}

/* Seconds since the epoch, or G_MININT64 for a missing or unreadable time. */
static gint64
made_time (FwMemberAssessment *self)
{
  g_autoptr(GDateTime) time = NULL;

  if (*self->made == '\0')
    return G_MININT64;
  time = g_date_time_new_from_iso8601 (self->made, NULL);
  return time ? g_date_time_to_unix (time) : G_MININT64;
}

int
fw_member_assessment_compare (FwMemberAssessment *a,
                              FwMemberAssessment *b)
{
  gint64 ta, tb;
  int order;

  g_return_val_if_fail (FW_IS_MEMBER_ASSESSMENT (a) && FW_IS_MEMBER_ASSESSMENT (b), 0);

  ta = made_time (a);
  tb = made_time (b);
  if (ta != tb)
    return ta < tb ? -1 : 1;
  /* The same second: the contents decide, so the outcome never depends on which
   * file was read first. */
  if ((order = strcmp (a->made, b->made)) != 0 ||
      (order = strcmp (a->comment, b->comment)) != 0)
    return order;
  return fw_idea_compare_judgement (a->judgement, b->judgement);
}

const char *
fw_member_assessment_get_member_id (FwMemberAssessment *self)
{
  g_return_val_if_fail (FW_IS_MEMBER_ASSESSMENT (self), NULL);
  return self->member_id;
}

void
fw_member_assessment_set_member_id (FwMemberAssessment *self,
                                    const char         *member_id)
{
  g_return_if_fail (FW_IS_MEMBER_ASSESSMENT (self));
  if (fw_text_set (&self->member_id, member_id))
    note_change (self, properties[PROP_MEMBER_ID]);
}

const char *
fw_member_assessment_get_made (FwMemberAssessment *self)
{
  g_return_val_if_fail (FW_IS_MEMBER_ASSESSMENT (self), NULL);
  return self->made;
}

void
fw_member_assessment_set_made (FwMemberAssessment *self,
                               const char         *made)
{
  g_return_if_fail (FW_IS_MEMBER_ASSESSMENT (self));
  if (fw_text_set (&self->made, made))
    note_change (self, properties[PROP_MADE]);
}

void
fw_member_assessment_touch (FwMemberAssessment *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  fw_member_assessment_set_made (self, text);
}

const char *
fw_member_assessment_get_comment (FwMemberAssessment *self)
{
  g_return_val_if_fail (FW_IS_MEMBER_ASSESSMENT (self), NULL);
  return self->comment;
}

void
fw_member_assessment_set_comment (FwMemberAssessment *self,
                                  const char         *comment)
{
  g_return_if_fail (FW_IS_MEMBER_ASSESSMENT (self));
  if (fw_text_set (&self->comment, comment))
    note_change (self, properties[PROP_COMMENT]);
}

FwIdea *
fw_member_assessment_get_judgement (FwMemberAssessment *self)
{
  g_return_val_if_fail (FW_IS_MEMBER_ASSESSMENT (self), NULL);
  return self->judgement;
}

FwIdea *
fw_member_assessment_dup_view (FwMemberAssessment *self,
                               FwIdea             *idea)
{
  FwIdea *view;

  g_return_val_if_fail (FW_IS_MEMBER_ASSESSMENT (self), NULL);
  g_return_val_if_fail (FW_IS_IDEA (idea), NULL);

  view = fw_idea_dup_without_team (idea);
  fw_idea_set_judgement_from (view, self->judgement);
  return view;
}

FwAssessment *
fw_member_assessment_assess (FwMemberAssessment *self,
                             FwIdea             *idea)
{
  g_autoptr(FwIdea) view = fw_member_assessment_dup_view (self, idea);

  return view ? fw_assessment_new (view) : NULL;
}

guint64
fw_member_assessment_get_revision (FwMemberAssessment *self)
{
  g_return_val_if_fail (FW_IS_MEMBER_ASSESSMENT (self), 0);
  return self->revision + fw_idea_get_revision (self->judgement);
}

JsonObject *
fw_member_assessment_get_extra (FwMemberAssessment *self)
{
  g_return_val_if_fail (FW_IS_MEMBER_ASSESSMENT (self), NULL);
  return self->extra;
}

void
fw_member_assessment_set_extra (FwMemberAssessment *self,
                                JsonObject         *extra)
{
  g_return_if_fail (FW_IS_MEMBER_ASSESSMENT (self));

  if (extra)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
  self->revision++;
}
