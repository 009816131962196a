/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue #18: the three-way merge (fw_merge) on random edits. From a base workbook (the
 * English sample, and the same with a team: members and their assessments), each round
 * edits two copies, OURS and THEIRS, at random (every kind of field, adds, deletes, moves),
 * merges them, and checks the result against what each side changed relative to the base:
 *
 *  (a) a change made by one side only, or the same by both, is in the result;
 *  (b) a field both changed differently is marked by exactly one conflict with the base's,
 *      ours and theirs' values, and the result holds ours;
 *  (c) an item deleted on one side and untouched on the other is deleted; deleted and
 *      changed, it is kept and marked by a conflict of field "";
 *  (d) merge(B, T, O) has the same items and the same conflicts, sides swapped, and the
 *      same values where nothing conflicts;
 *  (e) the result is written and read back as it is (it validates);
 *  (f) merge(B, X, X) and merge(B, B, X) are X, without conflicts;
 *  and the order: the side that alone moved items gives the order of the common ones.
 *
 * The expected result is worked out here from the three workbooks through the model's
 * GObject properties, not through the merge's own tables. The diff (fw_diff) is checked
 * on the same edits. The seed is fixed; `-m thorough` runs ten times the rounds. */

#include "config.h"

#include <string.h>

#include "fw-core.h"
#include "fw-test-team.h"

#define SEED        18u
#define ROUNDS      150    /* per base workbook */
#define MAX_REPORTS 20

/* ------------------------------------------------------------------ fields */

typedef struct
{
  const char *name;
  GParamSpec *pspec;          /* NULL: the idea's "revealed" */
  gboolean    on_judgement;   /* an assessment's field, kept in its judgement */
} Field;

static GArray *field_tables[FW_N_ITEMS];

static void
add_properties (GArray     *fields,
                GType       type,
                gboolean    on_judgement,
                GHashTable *only)
{
  GObjectClass *klass = g_type_class_ref (type);   /* kept: the table keeps its pspecs */
  guint n = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (klass, &n);

  for (guint i = 0; i < n; i++)
    {
      Field field = { pspecs[i]->name, pspecs[i], on_judgement };

      if (!(pspecs[i]->flags & G_PARAM_WRITABLE) || (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) ||
          g_str_equal (field.name, "id") || g_str_equal (field.name, "member-id"))
        continue;
      if (only && !g_hash_table_contains (only, field.name))
        continue;
      g_array_append_val (fields, field);
    }
}

/* The fields a member judges (fw-member-assessment.h): what an assessment keeps. */
static GHashTable *
judgement_names (void)
{
  GHashTable *names = g_hash_table_new (g_str_hash, g_str_equal);
  static const FwIdeaText texts[] = {
    FW_IDEA_IMPORTANCE_REASON, FW_IDEA_URGENCY_REASON, FW_IDEA_ML_VALUE_REASON,
    FW_IDEA_CONCERNS, FW_IDEA_BLOCKERS,
  };

  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_hash_table_add (names, (gpointer) fw_idea_why_property_name (s));
      g_hash_table_add (names, (gpointer) fw_idea_evidence_property_name (s));
    }
  for (guint c = 0; c < FW_N_CONDITIONS; c++)
    {
      g_hash_table_add (names, (gpointer) fw_idea_condition_property_name (c));
      g_hash_table_add (names, (gpointer) fw_idea_condition_note_property_name (c));
    }
  for (guint q = 0; q < FW_N_QUESTIONS; q++)
    g_hash_table_add (names, (gpointer) fw_idea_answer_property_name (q));
  for (guint p = 0; p < FW_N_PRIORITIES; p++)
    g_hash_table_add (names, (gpointer) fw_idea_priority_property_name (p));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_hash_table_add (names, (gpointer) fw_idea_text_property_name (texts[i]));
  return names;
}

static const Field *
fields_of (FwItemKind  kind,
           guint      *n)
{
  if (field_tables[kind] == NULL)
    {
      GArray *fields = g_array_new (FALSE, TRUE, sizeof (Field));
      Field revealed = { "revealed", NULL, FALSE };

      switch (kind)
        {
        case FW_ITEM_WORKBOOK: add_properties (fields, FW_TYPE_WORKBOOK, FALSE, NULL); break;
        case FW_ITEM_CASE: add_properties (fields, FW_TYPE_CASE, FALSE, NULL); break;
        case FW_ITEM_MEMBER: add_properties (fields, FW_TYPE_MEMBER, FALSE, NULL); break;
        case FW_ITEM_IDEA:
          add_properties (fields, FW_TYPE_IDEA, FALSE, NULL);
          g_array_append_val (fields, revealed);
          break;
        case FW_ITEM_ASSESSMENT:
          {
            g_autoptr(GHashTable) only = judgement_names ();

            add_properties (fields, FW_TYPE_MEMBER_ASSESSMENT, FALSE, NULL);
            add_properties (fields, FW_TYPE_IDEA, TRUE, only);
            break;
          }
        case FW_N_ITEMS:
        default:
          g_assert_not_reached ();
        }
      g_assert_cmpuint (fields->len, >, 0);
      field_tables[kind] = fields;
    }
  *n = field_tables[kind]->len;
  return (const Field *) field_tables[kind]->data;
}

static const Field *
find_field (FwItemKind  kind,
            const char *name)
{
  guint n;
  const Field *fields = fields_of (kind, &n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (fields[i].name, name))
      return &fields[i];
  return NULL;
}

static gboolean
is_strv (const Field *f)
{
  return f->pspec && f->pspec->value_type == G_TYPE_STRV;
}

/* Times take the later of the two (a save's time, when an assessment was made). */
static gboolean
is_time (FwItemKind   kind,
         const Field *f)
{
  return (kind == FW_ITEM_WORKBOOK && g_str_equal (f->name, "modified")) ||
         (kind == FW_ITEM_ASSESSMENT && g_str_equal (f->name, "made"));
}

static GObject *
owner_of (const Field *f,
          GObject     *item)
{
  if (f->on_judgement)
    return G_OBJECT (fw_member_assessment_get_judgement (FW_MEMBER_ASSESSMENT (item)));
  return item;
}

static void
get_value (const Field *f,
           GObject     *item,
           GValue      *value)
{
  if (f->pspec == NULL)
    {
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, fw_idea_get_revealed (FW_IDEA (item)));
      return;
    }
  g_value_init (value, f->pspec->value_type);
  g_object_get_property (owner_of (f, item), f->name, value);
}

static void
set_value (const Field  *f,
           GObject      *item,
           const GValue *value)
{
  if (f->pspec == NULL)
    fw_idea_set_revealed (FW_IDEA (item), g_value_get_boolean (value));
  else
    g_object_set_property (owner_of (f, item), f->name, value);
}

static const char * const *
strv_of (const GValue *value)
{
  static const char *none[] = { NULL };
  const char * const *strv = g_value_get_boxed (value);

  return strv ? strv : none;
}

static gboolean
strv_has (const char * const *strv,
          const char         *s)
{
  for (guint i = 0; strv[i]; i++)
    if (g_str_equal (strv[i], s))
      return TRUE;
  return FALSE;
}

static gboolean
values_equal (const Field  *f,
              const GValue *a,
              const GValue *b)
{
  if (is_strv (f))
    return g_strv_equal ((const char * const *) strv_of (a), (const char * const *) strv_of (b));
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a) ? g_value_get_string (a) : "",
                      g_value_get_string (b) ? g_value_get_string (b) : "") == 0;
  if (G_VALUE_HOLDS_BOOLEAN (a))
    return !g_value_get_boolean (a) == !g_value_get_boolean (b);
  if (G_VALUE_HOLDS_ENUM (a))
    return g_value_get_enum (a) == g_value_get_enum (b);
  g_assert_not_reached ();
}

/* As sets: the links of the two merges' results come in each one's own order. */
static gboolean
values_equal_as_sets (const Field  *f,
                      const GValue *a,
                      const GValue *b)
{
  const char * const *x, * const *y;

  if (!is_strv (f))
    return values_equal (f, a, b);
  x = strv_of (a);
  y = strv_of (b);
  if (g_strv_length ((char **) x) != g_strv_length ((char **) y))
    return FALSE;
  for (guint i = 0; x[i]; i++)
    if (!strv_has (y, x[i]))
      return FALSE;
  return TRUE;
}

static JsonNode *
value_to_json (const Field  *f,
               const GValue *value)
{
  if (is_strv (f))
    {
      g_autoptr(JsonArray) array = json_array_new ();   /* the node takes a reference */
      const char * const *strv = strv_of (value);

      for (guint i = 0; strv[i]; i++)
        json_array_add_string_element (array, strv[i]);
      return json_node_init_array (json_node_alloc (), array);
    }
  if (G_VALUE_HOLDS_STRING (value))
    return json_node_init_string (json_node_alloc (), g_value_get_string (value)
                                                      ? g_value_get_string (value) : "");
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return json_node_init_boolean (json_node_alloc (), g_value_get_boolean (value));
  if (G_VALUE_HOLDS_ENUM (value))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (f->pspec)->enum_class;

      return json_node_init_string (json_node_alloc (),
                                    g_enum_get_value (klass, g_value_get_enum (value))->value_nick);
    }
  g_assert_not_reached ();
}

static char *
value_text (const GValue *value)
{
  if (value == NULL)
    return g_strdup ("(absent)");
  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      g_autofree char *joined = g_strjoinv ("|", (char **) strv_of (value));
      return g_strdup_printf ("[%s]", joined);
    }
  return g_strdup_value_contents (value);
}

/* ------------------------------------------------------------------ items */

static const char *kind_names[] = { "workbook", "case", "idea", "member", "assessment" };

static guint
n_items (FwWorkbook *workbook,
         FwItemKind  kind,
         FwIdea     *idea)
{
  switch (kind)
    {
    case FW_ITEM_CASE: return workbook ? fw_workbook_get_n_cases (workbook) : 0;
    case FW_ITEM_IDEA: return workbook ? fw_workbook_get_n_ideas (workbook) : 0;
    case FW_ITEM_MEMBER: return workbook ? fw_workbook_get_n_members (workbook) : 0;
    case FW_ITEM_ASSESSMENT: return idea ? fw_idea_get_n_assessments (idea) : 0;
    case FW_ITEM_WORKBOOK:
    case FW_N_ITEMS:
    default: g_assert_not_reached ();
    }
}

static GObject *
item_at (FwWorkbook *workbook,
         FwItemKind  kind,
         FwIdea     *idea,
         guint       i)
{
  switch (kind)
    {
    case FW_ITEM_CASE: return G_OBJECT (fw_workbook_get_case (workbook, i));
    case FW_ITEM_IDEA: return G_OBJECT (fw_workbook_get_idea (workbook, i));
    case FW_ITEM_MEMBER: return G_OBJECT (fw_workbook_get_member (workbook, i));
    case FW_ITEM_ASSESSMENT:
      {
        g_autoptr(GObject) item = g_list_model_get_item (fw_idea_get_assessments (idea), i);
        return item;   /* the idea holds it */
      }
    case FW_ITEM_WORKBOOK:
    case FW_N_ITEMS:
    default: g_assert_not_reached ();
    }
}

static const char *
key_of (FwItemKind  kind,
        GObject    *item)
{
  switch (kind)
    {
    case FW_ITEM_CASE: return fw_case_get_id (FW_CASE (item));
    case FW_ITEM_IDEA: return fw_idea_get_id (FW_IDEA (item));
    case FW_ITEM_MEMBER: return fw_member_get_id (FW_MEMBER (item));
    case FW_ITEM_ASSESSMENT: return fw_member_assessment_get_member_id (FW_MEMBER_ASSESSMENT (item));
    case FW_ITEM_WORKBOOK:
    case FW_N_ITEMS:
    default: g_assert_not_reached ();
    }
}

static GObject *
find_item (FwWorkbook *workbook,
           FwItemKind  kind,
           FwIdea     *idea,
           const char *key)
{
  guint n = n_items (workbook, kind, idea);

  for (guint i = 0; i < n; i++)
    {
      GObject *item = item_at (workbook, kind, idea, i);

      if (g_str_equal (key_of (kind, item), key))
        return item;
    }
  return NULL;
}

/* The keys of a list, in order (borrowed). */
static GPtrArray *
keys_of (FwWorkbook *workbook,
         FwItemKind  kind,
         FwIdea     *idea)
{
  GPtrArray *keys = g_ptr_array_new ();
  guint n = n_items (workbook, kind, idea);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (keys, (gpointer) key_of (kind, item_at (workbook, kind, idea, i)));
  return keys;
}

static gboolean
keys_have (GPtrArray  *keys,
           const char *key)
{
  return g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL);
}

/* Whether two versions of an item are the same in every field (and, for an idea, in its
 * assessments); @why says the first difference. */
static gboolean
items_same (FwItemKind  kind,
            GObject    *a,
            GObject    *b,
            GString    *why)
{
  guint n;
  const Field *fields = fields_of (kind, &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) x = G_VALUE_INIT;
      g_auto(GValue) y = G_VALUE_INIT;

      get_value (&fields[i], a, &x);
      get_value (&fields[i], b, &y);
      if (!values_equal (&fields[i], &x, &y))
        {
          if (why)
            g_string_append_printf (why, "%s differs", fields[i].name);
          return FALSE;
        }
    }
  if (kind == FW_ITEM_IDEA)
    {
      FwIdea *ia = FW_IDEA (a), *ib = FW_IDEA (b);

      if (fw_idea_get_n_assessments (ia) != fw_idea_get_n_assessments (ib))
        {
          if (why)
            g_string_append (why, "the number of assessments differs");
          return FALSE;
        }
      for (guint i = 0; i < fw_idea_get_n_assessments (ia); i++)
        {
          GObject *x = item_at (NULL, FW_ITEM_ASSESSMENT, ia, i);
          GObject *y = find_item (NULL, FW_ITEM_ASSESSMENT, ib, key_of (FW_ITEM_ASSESSMENT, x));

          if (y == NULL || !items_same (FW_ITEM_ASSESSMENT, x, y, why))
            {
              if (why)
                g_string_append_printf (why, " (assessment of %s)", key_of (FW_ITEM_ASSESSMENT, x));
              return FALSE;
            }
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------ failures */

/* How much the rounds exercised, printed at the end (a check that never meets its case
 * proves nothing). */
static struct
{
  guint field_conflicts[FW_N_ITEMS];
  guint item_conflicts[FW_N_ITEMS];
  guint deleted;            /* deleted on one side, untouched on the other */
  guint readded;
  guint moved_ours, moved_theirs, moved_both;
  guint links_merged;
} stats;

static GString *round_log;      /* the round's edits, printed with its first failure */
static gboolean round_log_shown;
static guint n_failures;

#define CHECK(cond, ...)                                                      \
  G_STMT_START {                                                              \
    if (G_UNLIKELY (!(cond)))                                                 \
      check_failed (G_STRLOC, #cond, __VA_ARGS__);                            \
  } G_STMT_END

static void check_failed (const char *where,
                          const char *what,
                          const char *format,
                          ...) G_GNUC_PRINTF (3, 4);

static void
check_failed (const char *where,
              const char *what,
              const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  n_failures++;
  if (n_failures > MAX_REPORTS)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (round_log && !round_log_shown)
    {
      g_printerr ("%s", round_log->str);
      round_log_shown = TRUE;
    }
  g_printerr ("FAILED %s: %s: %s\n", where, what, message);
}

/* ------------------------------------------------------------------ workbooks */

static FwWorkbook *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "sample-en.flywheel", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  FwWorkbook *workbook = fw_workbook_load (file, NULL, &error);

  g_assert_no_error (error);
  return workbook;
}

static FwWorkbook *
load_bytes (GBytes     *bytes,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  FwWorkbook *workbook = fw_workbook_load_from_data (g_bytes_get_data (bytes, NULL),
                                                     g_bytes_get_size (bytes), name, &error);

  g_assert_no_error (error);
  return workbook;
}

static FwWorkbook *
copy_of (FwWorkbook *workbook)
{
  g_autoptr(GBytes) bytes = fw_workbook_to_bytes (workbook);

  return load_bytes (bytes, "copy");
}

/* The sample with a team: four members (one who assessed nothing), assessments of most
 * ideas, some revealed, some not. */
static FwWorkbook *
make_team_base (void)
{
  g_autoptr(FwWorkbook) workbook = load_sample ();
  static const struct { const char *id, *name; FwRole role; } team[] = {
    { "m-aiko", "Aiko", FW_ROLE_ENGINEER },
    { "m-ben", "Ben", FW_ROLE_DESIGNER },
    { "m-chen", "Chen", FW_ROLE_DATA_SCIENTIST },
    { "m-dana", "Dana", FW_ROLE_OTHER },
  };
  static const char *codes[] = { "hhhh", "wshb", "ssss", "uhwh", "bbhs" };
  FwMember *members[G_N_ELEMENTS (team)];

  for (guint i = 0; i < G_N_ELEMENTS (team); i++)
    {
      g_autoptr(FwMember) member = fw_member_new (team[i].name, team[i].role);

      fw_member_set_id (member, team[i].id);
      fw_workbook_append_member (workbook, member);
      members[i] = member;
    }
  for (guint i = 0; i < fw_workbook_get_n_ideas (workbook); i++)
    {
      FwIdea *idea = fw_workbook_get_idea (workbook, i);

      /* Dana assesses nothing; the last idea nobody. */
      for (guint m = 0; m < 3 && i + 1 < fw_workbook_get_n_ideas (workbook); m++)
        if ((i + m) % 4 != 3)
          {
            FwMemberAssessment *a = assess (idea, members[m], "2026-12-01T09:30:00Z",
                                            codes[(i + m) % G_N_ELEMENTS (codes)]);

            fw_member_assessment_set_comment (a, m == 1 ? "" : "a comment");
          }
      if (i % 2 == 0)
        fw_idea_set_revealed (idea, TRUE);
    }
  fw_idea_set_decision (fw_workbook_get_idea (workbook, 0), FW_DECISION_ADOPT_POC);
  fw_idea_set_decision_rationale (fw_workbook_get_idea (workbook, 0), "the loop holds");
  g_assert_nonnull (fw_workbook_get_id (workbook));
  return copy_of (workbook);
}

/* ------------------------------------------------------------------ random edits */

typedef struct
{
  GRand      *rand;
  FwWorkbook *base;
  guint       counter;    /* for fresh ids and texts */
  /* What both sides are likely to touch this round, so that they collide. */
  char       *hot_idea;
  char       *hot_case;
  char       *hot_member;
  char       *hot_assessed_idea;   /* with hot_assessor: an assessment in the base */
  char       *hot_assessor;
  char       *hot_pair_idea;       /* with hot_pair_member: a pair both may add */
  char       *hot_pair_member;
  const Field *hot_fields[FW_N_ITEMS][3];
} Round;

static guint
pick (Round *r,
      guint  n)
{
  g_assert_cmpuint (n, >, 0);
  return (guint) g_rand_int_range (r->rand, 0, (gint32) n);
}

static gboolean
chance (Round *r,
        double p)
{
  return g_rand_double (r->rand) < p;
}

static const Field *
random_field (Round      *r,
              FwItemKind  kind)
{
  guint n;
  const Field *fields = fields_of (kind, &n);

  if (kind == FW_ITEM_WORKBOOK)
    {
      /* The created time makes the identity of a workbook without an id: not edited. */
      static const char *names[] = { "title", "product", "author", "modified" };
      return find_field (kind, names[pick (r, G_N_ELEMENTS (names))]);
    }
  if (chance (r, 0.5) && r->hot_fields[kind][0])
    return r->hot_fields[kind][pick (r, 3)];
  return &fields[pick (r, n)];
}

static char *
fresh_id (Round      *r,
          const char *what)
{
  return g_strdup_printf ("%s-%08x-%u", what, g_rand_int (r->rand), r->counter++);
}

static void
later_time (Round  *r,
            GValue *value)
{
  g_autofree char *time = g_strdup_printf ("2027-%02u-%02uT%02u:%02u:00Z", 1 + pick (r, 12),
                                           1 + pick (r, 28), pick (r, 24), pick (r, 60));
  g_value_set_string (value, time);
}

/* A new value for @f on @item of @side (initialised to its type). */
static void
random_value (Round        *r,
              FwWorkbook   *side,
              FwItemKind    kind,
              const Field  *f,
              GObject      *item,
              GValue       *value)
{
  static const char *texts[] = {
    "", "alpha", "beta", "two\nlines", "Ünïcødé — “quoted” 日本語", "  spaced  ",
  };

  get_value (f, item, value);
  if (f->pspec == NULL)
    g_value_set_boolean (value, TRUE);   /* the app reveals; it never hides again */
  else if (is_time (kind, f))
    later_time (r, value);
  else if (is_strv (f))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      guint n_cases = fw_workbook_get_n_cases (side);
      g_autoptr(GPtrArray) taken = g_ptr_array_new ();

      for (guint i = 0, n = pick (r, 4); i < n && n_cases > 0; i++)
        {
          const char *id = fw_case_get_id (fw_workbook_get_case (side, pick (r, n_cases)));

          if (!keys_have (taken, id))
            {
              g_ptr_array_add (taken, (gpointer) id);
              g_strv_builder_add (builder, id);
            }
        }
      g_value_take_boxed (value, g_strv_builder_end (builder));
    }
  else if (G_VALUE_HOLDS_STRING (value))
    {
      if (chance (r, 0.2))
        {
          g_autofree char *text = g_strdup_printf ("text %u", r->counter++);
          g_value_set_string (value, text);
        }
      else
        g_value_set_string (value, texts[pick (r, G_N_ELEMENTS (texts))]);
    }
  else if (G_VALUE_HOLDS_BOOLEAN (value))
    g_value_set_boolean (value, !g_value_get_boolean (value));
  else if (G_VALUE_HOLDS_ENUM (value))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (f->pspec)->enum_class;
      g_value_set_enum (value, klass->values[pick (r, klass->n_values)].value);
    }
  else
    g_assert_not_reached ();
}

static void
edit_field (Round      *r,
            FwWorkbook *side,
            GString    *log,
            FwItemKind  kind,
            const char *key,
            GObject    *item,
            const Field *f)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;

  random_value (r, side, kind, f, item, &value);
  set_value (f, item, &value);
  text = value_text (&value);
  g_string_append_printf (log, "  %s %s.%s = %s\n", kind_names[kind], key, f->name, text);
}

/* An item of @side to edit: the round's hot one half of the time, if @side has it. */
static GObject *
pick_item (Round      *r,
           FwWorkbook *side,
           FwItemKind  kind,
           const char *hot)
{
  GObject *item = hot && chance (r, 0.5) ? find_item (side, kind, NULL, hot) : NULL;
  guint n = n_items (side, kind, NULL);

  if (item == NULL && n > 0)
    item = item_at (side, kind, NULL, pick (r, n));
  return item;
}

static void
edit_item_field (Round      *r,
                 FwWorkbook *side,
                 GString    *log,
                 FwItemKind  kind)
{
  const char *hot = kind == FW_ITEM_IDEA ? r->hot_idea
                    : kind == FW_ITEM_CASE ? r->hot_case : r->hot_member;
  GObject *item = pick_item (r, side, kind, hot);

  if (item)
    edit_field (r, side, log, kind, key_of (kind, item), item, random_field (r, kind));
}

static void
edit_assessment_field (Round      *r,
                       FwWorkbook *side,
                       GString    *log)
{
  FwIdea *idea = NULL;
  GObject *assessment = NULL;
  g_autofree char *key = NULL;

  if (r->hot_assessed_idea && chance (r, 0.5))
    {
      idea = fw_workbook_find_idea (side, r->hot_assessed_idea, NULL);
      assessment = idea ? find_item (NULL, FW_ITEM_ASSESSMENT, idea, r->hot_assessor) : NULL;
    }
  for (guint tries = 0; assessment == NULL && tries < 5 && fw_workbook_get_n_ideas (side); tries++)
    {
      idea = fw_workbook_get_idea (side, pick (r, fw_workbook_get_n_ideas (side)));
      if (fw_idea_get_n_assessments (idea))
        assessment = item_at (NULL, FW_ITEM_ASSESSMENT, idea,
                              pick (r, fw_idea_get_n_assessments (idea)));
    }
  if (assessment == NULL)
    return;
  key = g_strdup_printf ("%s/%s", fw_idea_get_id (idea), key_of (FW_ITEM_ASSESSMENT, assessment));
  edit_field (r, side, log, FW_ITEM_ASSESSMENT, key, assessment,
              random_field (r, FW_ITEM_ASSESSMENT));
}

static void
edit_workbook_field (Round      *r,
                     FwWorkbook *side,
                     GString    *log)
{
  edit_field (r, side, log, FW_ITEM_WORKBOOK, "", G_OBJECT (side),
              random_field (r, FW_ITEM_WORKBOOK));
}

static void
reveal (Round      *r,
        FwWorkbook *side,
        GString    *log)
{
  FwIdea *idea = FW_IDEA (pick_item (r, side, FW_ITEM_IDEA, r->hot_idea));

  if (idea && !fw_idea_get_revealed (idea))
    {
      fw_idea_set_revealed (idea, TRUE);
      g_string_append_printf (log, "  reveal %s\n", fw_idea_get_id (idea));
    }
}

static FwMemberAssessment *
new_assessment (Round      *r,
                FwWorkbook *side,
                const char *member_id)
{
  FwMemberAssessment *assessment = fw_member_assessment_new (member_id);
  GValue made = G_VALUE_INIT;

  g_value_init (&made, G_TYPE_STRING);
  later_time (r, &made);
  fw_member_assessment_set_made (assessment, g_value_get_string (&made));
  g_value_unset (&made);
  for (guint i = 0, n = pick (r, 4); i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      const Field *f = random_field (r, FW_ITEM_ASSESSMENT);

      random_value (r, side, FW_ITEM_ASSESSMENT, f, G_OBJECT (assessment), &value);
      set_value (f, G_OBJECT (assessment), &value);
    }
  return assessment;
}

static void
add_idea (Round      *r,
          FwWorkbook *side,
          GString    *log)
{
  g_autoptr(FwIdea) idea = fw_idea_new ();
  g_autofree char *id = fresh_id (r, "idea");
  g_autofree char *title = g_strdup_printf ("New idea %u", r->counter++);
  guint at = pick (r, fw_workbook_get_n_ideas (side) + 1);

  fw_idea_set_text (idea, FW_IDEA_ID, id);
  fw_idea_set_title (idea, title);
  for (guint i = 0, n = pick (r, 4); i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      const Field *f = random_field (r, FW_ITEM_IDEA);

      random_value (r, side, FW_ITEM_IDEA, f, G_OBJECT (idea), &value);
      set_value (f, G_OBJECT (idea), &value);
    }
  if (fw_workbook_get_n_members (side) > 0 && chance (r, 0.5))
    {
      FwMember *member = fw_workbook_get_member (side, pick (r, fw_workbook_get_n_members (side)));
      g_autoptr(FwMemberAssessment) assessment = new_assessment (r, side, fw_member_get_id (member));

      fw_idea_set_assessment (idea, assessment);
    }
  fw_workbook_insert_idea (side, at, idea);
  g_string_append_printf (log, "  add idea %s at %u\n", id, at);
}

static void
add_case (Round      *r,
          FwWorkbook *side,
          GString    *log)
{
  g_autoptr(FwCase) item = fw_case_new ();
  g_autofree char *id = fresh_id (r, "case");
  g_autofree char *name = g_strdup_printf ("New case %u", r->counter++);
  guint at = pick (r, fw_workbook_get_n_cases (side) + 1);

  fw_case_set_text (item, FW_CASE_ID, id);
  fw_case_set_text (item, FW_CASE_NAME, name);
  fw_workbook_insert_case (side, at, item);
  g_string_append_printf (log, "  add case %s at %u\n", id, at);
}

static void
add_member (Round      *r,
            FwWorkbook *side,
            GString    *log)
{
  g_autofree char *name = g_strdup_printf ("Member %u", r->counter++);
  g_autoptr(FwMember) member = fw_member_new (name, pick (r, FW_ROLE_OTHER + 1));
  g_autofree char *id = fresh_id (r, "member");

  fw_member_set_id (member, id);
  fw_workbook_append_member (side, member);
  g_string_append_printf (log, "  add member %s\n", id);
}

static void
add_assessment (Round      *r,
                FwWorkbook *side,
                GString    *log)
{
  FwIdea *idea = NULL;
  FwMember *member = NULL;
  g_autoptr(FwMemberAssessment) assessment = NULL;

  if (r->hot_pair_idea && chance (r, 0.5))
    {
      idea = fw_workbook_find_idea (side, r->hot_pair_idea, NULL);
      member = fw_workbook_find_member (side, r->hot_pair_member, NULL);
    }
  if (idea == NULL || member == NULL)
    {
      if (fw_workbook_get_n_ideas (side) == 0 || fw_workbook_get_n_members (side) == 0)
        return;
      idea = fw_workbook_get_idea (side, pick (r, fw_workbook_get_n_ideas (side)));
      member = fw_workbook_get_member (side, pick (r, fw_workbook_get_n_members (side)));
    }
  if (fw_idea_find_assessment (idea, fw_member_get_id (member), NULL))
    return;
  assessment = new_assessment (r, side, fw_member_get_id (member));
  fw_idea_set_assessment (idea, assessment);
  g_string_append_printf (log, "  add assessment %s/%s\n", fw_idea_get_id (idea),
                          fw_member_get_id (member));
}

static void
delete_item (Round      *r,
             FwWorkbook *side,
             GString    *log,
             FwItemKind  kind)
{
  const char *hot = kind == FW_ITEM_IDEA ? r->hot_idea
                    : kind == FW_ITEM_CASE ? r->hot_case : r->hot_member;
  GObject *item = pick_item (r, side, kind, hot);
  g_autofree char *key = NULL;
  guint at = 0;

  if (item == NULL)
    return;
  key = g_strdup (key_of (kind, item));
  switch (kind)
    {
    case FW_ITEM_IDEA:
      fw_workbook_find_idea (side, key, &at);
      fw_workbook_remove_idea (side, at);
      break;
    case FW_ITEM_CASE:
      fw_workbook_find_case (side, key, &at);
      fw_workbook_remove_case (side, at);
      break;
    case FW_ITEM_MEMBER:
      /* With the member, its assessments (a file's assessments name its members). */
      for (guint i = 0; i < fw_workbook_get_n_ideas (side); i++)
        if (fw_idea_find_assessment (fw_workbook_get_idea (side, i), key, &at))
          fw_idea_remove_assessment (fw_workbook_get_idea (side, i), at);
      fw_workbook_find_member (side, key, &at);
      fw_workbook_remove_member (side, at);
      break;
    case FW_ITEM_WORKBOOK:
    case FW_ITEM_ASSESSMENT:
    case FW_N_ITEMS:
    default:
      g_assert_not_reached ();
    }
  g_string_append_printf (log, "  delete %s %s\n", kind_names[kind], key);
}

static void
delete_assessment (Round      *r,
                   FwWorkbook *side,
                   GString    *log)
{
  for (guint tries = 0; tries < 5 && fw_workbook_get_n_ideas (side); tries++)
    {
      FwIdea *idea = fw_workbook_get_idea (side, pick (r, fw_workbook_get_n_ideas (side)));
      guint n = fw_idea_get_n_assessments (idea);

      if (n > 0)
        {
          guint at = pick (r, n);

          g_string_append_printf (log, "  delete assessment %s/%s\n", fw_idea_get_id (idea),
                                  key_of (FW_ITEM_ASSESSMENT,
                                          item_at (NULL, FW_ITEM_ASSESSMENT, idea, at)));
          fw_idea_remove_assessment (idea, at);
          return;
        }
    }
}

static void
move_item (Round      *r,
           FwWorkbook *side,
           GString    *log,
           FwItemKind  kind)
{
  guint n = n_items (side, kind, NULL);
  guint from, to;

  if (n < 2)
    return;
  from = pick (r, n);
  to = pick (r, n - 1);
  if (to >= from)
    to++;
  if (kind == FW_ITEM_IDEA)
    {
      g_autoptr(FwIdea) idea = g_object_ref (fw_workbook_get_idea (side, from));

      fw_workbook_remove_idea (side, from);
      fw_workbook_insert_idea (side, to, idea);
      g_string_append_printf (log, "  move idea %s %u → %u\n", fw_idea_get_id (idea), from, to);
    }
  else
    {
      g_autoptr(FwCase) item = g_object_ref (fw_workbook_get_case (side, from));

      fw_workbook_remove_case (side, from);
      fw_workbook_insert_case (side, to, item);
      g_string_append_printf (log, "  move case %s %u → %u\n", fw_case_get_id (item), from, to);
    }
}

static void
random_edits (Round      *r,
              FwWorkbook *side,
              const char *name)
{
  static const struct { guint weight; guint op; } ops[] = {
    { 30, 0 },  /* idea field */
    { 12, 1 },  /* assessment field */
    { 8, 2 },   /* case field */
    { 5, 3 },   /* member field */
    { 4, 4 },   /* workbook field */
    { 3, 5 },   /* reveal */
    { 4, 6 }, { 4, 7 }, { 5, 8 },    /* idea: add, delete, move */
    { 2, 9 }, { 3, 10 }, { 3, 11 },  /* case: add, delete, move */
    { 2, 12 }, { 2, 13 },            /* member: add, delete */
    { 4, 14 }, { 3, 15 },            /* assessment: add, delete */
    { 8, 16 },                       /* an idea's case links, mostly the hot idea's */
  };
  guint total = 0;
  guint n_edits = chance (r, 0.1) ? 0 : 1 + pick (r, 8);

  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    total += ops[i].weight;
  g_string_append_printf (round_log, " %s:\n", name);
  for (guint e = 0; e < n_edits; e++)
    {
      guint x = pick (r, total), op = 0;

      for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
        {
          if (x < ops[i].weight)
            {
              op = ops[i].op;
              break;
            }
          x -= ops[i].weight;
        }
      switch (op)
        {
        case 0: edit_item_field (r, side, round_log, FW_ITEM_IDEA); break;
        case 1: edit_assessment_field (r, side, round_log); break;
        case 2: edit_item_field (r, side, round_log, FW_ITEM_CASE); break;
        case 3: edit_item_field (r, side, round_log, FW_ITEM_MEMBER); break;
        case 4: edit_workbook_field (r, side, round_log); break;
        case 5: reveal (r, side, round_log); break;
        case 6: add_idea (r, side, round_log); break;
        case 7: delete_item (r, side, round_log, FW_ITEM_IDEA); break;
        case 8: move_item (r, side, round_log, FW_ITEM_IDEA); break;
        case 9: add_case (r, side, round_log); break;
        case 10: delete_item (r, side, round_log, FW_ITEM_CASE); break;
        case 11: move_item (r, side, round_log, FW_ITEM_CASE); break;
        case 12: add_member (r, side, round_log); break;
        case 13: delete_item (r, side, round_log, FW_ITEM_MEMBER); break;
        case 14: add_assessment (r, side, round_log); break;
        case 15: delete_assessment (r, side, round_log); break;
        case 16:
          {
            GObject *idea = find_item (side, FW_ITEM_IDEA, NULL, r->hot_idea);

            if (idea == NULL || chance (r, 0.1))
              idea = pick_item (r, side, FW_ITEM_IDEA, NULL);

            if (idea)
              edit_field (r, side, round_log, FW_ITEM_IDEA, key_of (FW_ITEM_IDEA, idea), idea,
                          find_field (FW_ITEM_IDEA, "case-ids"));
            break;
          }
        default: g_assert_not_reached ();
        }
    }
}

static char *
random_key (Round      *r,
            FwWorkbook *workbook,
            FwItemKind  kind)
{
  guint n = n_items (workbook, kind, NULL);

  return n ? g_strdup (key_of (kind, item_at (workbook, kind, NULL, pick (r, n)))) : NULL;
}

static void
choose_hot (Round *r)
{
  FwWorkbook *base = r->base;

  r->hot_idea = random_key (r, base, FW_ITEM_IDEA);
  r->hot_case = random_key (r, base, FW_ITEM_CASE);
  r->hot_member = random_key (r, base, FW_ITEM_MEMBER);
  r->hot_pair_idea = random_key (r, base, FW_ITEM_IDEA);
  r->hot_pair_member = random_key (r, base, FW_ITEM_MEMBER);
  for (guint tries = 0; tries < 10 && r->hot_assessor == NULL; tries++)
    {
      FwIdea *idea = fw_workbook_get_idea (base, pick (r, fw_workbook_get_n_ideas (base)));
      guint n = fw_idea_get_n_assessments (idea);

      if (n == 0)
        continue;
      r->hot_assessed_idea = g_strdup (fw_idea_get_id (idea));
      r->hot_assessor = g_strdup (key_of (FW_ITEM_ASSESSMENT,
                                          item_at (NULL, FW_ITEM_ASSESSMENT, idea, pick (r, n))));
    }
  for (guint k = FW_ITEM_CASE; k < FW_N_ITEMS; k++)
    {
      guint n;
      const Field *fields = fields_of (k, &n);

      for (guint i = 0; i < 3; i++)
        r->hot_fields[k][i] = &fields[pick (r, n)];
    }

}

static void
round_clear (Round *r)
{
  g_clear_pointer (&r->hot_idea, g_free);
  g_clear_pointer (&r->hot_case, g_free);
  g_clear_pointer (&r->hot_member, g_free);
  g_clear_pointer (&r->hot_assessed_idea, g_free);
  g_clear_pointer (&r->hot_assessor, g_free);
  g_clear_pointer (&r->hot_pair_idea, g_free);
  g_clear_pointer (&r->hot_pair_member, g_free);
  memset (r->hot_fields, 0, sizeof r->hot_fields);
}

/* ------------------------------------------------------------------ the expected merge */

typedef struct
{
  FwWorkbook *b, *o, *t, *r;   /* b NULL: a two-way merge */
  const char *ours_from, *theirs_from;
  GPtrArray  *expected;        /* FwConflict */
  GPtrArray  *readded;         /* member ids kept for the assessments that name them */
} Expect;

static JsonNode *
boolean_node (gboolean value)
{
  return json_node_init_boolean (json_node_alloc (), value);
}

static void
expect_conflict (Expect      *x,
                 FwItemKind   kind,
                 const char  *id,
                 const char  *member_id,
                 const char  *field,
                 JsonNode    *base,     /* taken */
                 JsonNode    *ours,     /* taken */
                 JsonNode    *theirs)   /* taken */
{
  FwConflict *conflict = g_new0 (FwConflict, 1);

  conflict->kind = kind;
  conflict->id = g_strdup (id ? id : "");
  conflict->member_id = g_strdup (member_id);
  conflict->field = g_strdup (field);
  conflict->base = base;
  conflict->ours = ours;
  conflict->theirs = theirs;
  conflict->ours_from = g_strdup (x->ours_from);
  conflict->theirs_from = g_strdup (x->theirs_from);
  g_ptr_array_add (x->expected, conflict);
  if (*field)
    stats.field_conflicts[kind]++;
  else
    stats.item_conflicts[kind]++;
}

static char *
describe (FwItemKind  kind,
          const char *id,
          const char *member_id)
{
  return g_strdup_printf ("%s %s%s%s", kind_names[kind], id ? id : "", member_id ? "/" : "",
                          member_id ? member_id : "");
}

/* The links as a set: ours' that theirs kept or the base lacked, then theirs' new ones. */
static void
merge_links (const GValue *b,
             const GValue *o,
             const GValue *t,
             GValue       *out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *bs = strv_of (b), * const *os = strv_of (o), * const *ts = strv_of (t);

  for (guint i = 0; os[i]; i++)
    if (strv_has (ts, os[i]) || !strv_has (bs, os[i]))
      g_strv_builder_add (builder, os[i]);
  for (guint i = 0; ts[i]; i++)
    if (!strv_has (os, ts[i]) && !strv_has (bs, ts[i]))
      g_strv_builder_add (builder, ts[i]);
  g_value_init (out, G_TYPE_STRV);
  g_value_take_boxed (out, g_strv_builder_end (builder));
}

/* Field by field: the result's value of each, and the conflicts. */
static void
expect_fields (Expect      *x,
               FwItemKind   kind,
               const char  *id,
               const char  *member_id,
               GObject     *b,
               GObject     *o,
               GObject     *t,
               GObject     *r)
{
  guint n;
  const Field *fields = fields_of (kind, &n);
  g_autofree char *what = describe (kind, id, member_id);

  for (guint i = 0; i < n; i++)
    {
      const Field *f = &fields[i];
      g_auto(GValue) bv = G_VALUE_INIT;
      g_auto(GValue) ov = G_VALUE_INIT;
      g_auto(GValue) tv = G_VALUE_INIT;
      g_auto(GValue) rv = G_VALUE_INIT;
      g_auto(GValue) links = G_VALUE_INIT;
      const GValue *expected;
      gboolean conflict = FALSE;

      if (b)
        get_value (f, b, &bv);
      get_value (f, o, &ov);
      get_value (f, t, &tv);
      get_value (f, r, &rv);

      if (values_equal (f, &ov, &tv))
        expected = &ov;
      else if (is_time (kind, f))
        expected = g_strcmp0 (g_value_get_string (&ov), g_value_get_string (&tv)) >= 0 ? &ov : &tv;
      else if (b == NULL && f->pspec == NULL)
        expected = g_value_get_boolean (&ov) ? &ov : &tv;   /* revealed stays revealed */
      else if (b && values_equal (f, &bv, &ov))
        expected = &tv;
      else if (b && values_equal (f, &bv, &tv))
        expected = &ov;
      else if (b && is_strv (f))
        {
          merge_links (&bv, &ov, &tv, &links);
          expected = &links;
          stats.links_merged++;
        }
      else
        {
          conflict = TRUE;
          expected = &ov;
        }

      if (!values_equal (f, &rv, expected))
        {
          g_autofree char *rt = value_text (&rv), *et = value_text (expected);
          g_autofree char *bt = value_text (b ? &bv : NULL), *ot = value_text (&ov);
          g_autofree char *tt = value_text (&tv);

          CHECK (FALSE, "%s.%s: result %s, expected %s (base %s, ours %s, theirs %s)", what,
                 f->name, rt, et, bt, ot, tt);
        }
      if (conflict)
        expect_conflict (x, kind, id, member_id, f->name, b ? value_to_json (f, &bv) : NULL,
                         value_to_json (f, &ov), value_to_json (f, &tv));
    }
}

static void
check_order (FwItemKind  kind,
             GPtrArray  *b_keys,    /* NULL: two-way */
             GPtrArray  *o_keys,
             GPtrArray  *t_keys,
             GPtrArray  *r_keys,
             const char *what)
{
  g_autoptr(GPtrArray) bc = g_ptr_array_new ();
  g_autoptr(GPtrArray) oc = g_ptr_array_new ();
  g_autoptr(GPtrArray) tc = g_ptr_array_new ();
  g_autoptr(GPtrArray) rp = g_ptr_array_new ();
  g_autoptr(GPtrArray) pr = g_ptr_array_new ();
  gboolean ours_moved = FALSE, theirs_moved = FALSE;
  GPtrArray *primary, *secondary;

  /* Which side moved the items all three have. */
  if (b_keys)
    {
      for (guint i = 0; i < b_keys->len; i++)
        if (keys_have (o_keys, b_keys->pdata[i]) && keys_have (t_keys, b_keys->pdata[i]))
          g_ptr_array_add (bc, b_keys->pdata[i]);
      for (guint i = 0; i < o_keys->len; i++)
        if (keys_have (bc, o_keys->pdata[i]))
          g_ptr_array_add (oc, o_keys->pdata[i]);
      for (guint i = 0; i < t_keys->len; i++)
        if (keys_have (bc, t_keys->pdata[i]))
          g_ptr_array_add (tc, t_keys->pdata[i]);
      for (guint i = 0; i < bc->len; i++)
        {
          ours_moved |= !g_str_equal (bc->pdata[i], oc->pdata[i]);
          theirs_moved |= !g_str_equal (bc->pdata[i], tc->pdata[i]);
        }
    }
  if (ours_moved && theirs_moved)
    stats.moved_both++;
  else if (ours_moved)
    stats.moved_ours++;
  else if (theirs_moved)
    stats.moved_theirs++;
  primary = theirs_moved && !ours_moved ? t_keys : o_keys;
  secondary = primary == o_keys ? t_keys : o_keys;

  /* The result keeps the primary side's order of its items… */
  for (guint i = 0; i < r_keys->len; i++)
    if (keys_have (primary, r_keys->pdata[i]))
      g_ptr_array_add (rp, r_keys->pdata[i]);
  for (guint i = 0; i < primary->len; i++)
    if (keys_have (r_keys, primary->pdata[i]))
      g_ptr_array_add (pr, primary->pdata[i]);
  CHECK (rp->len == pr->len, "%s %s order: %u vs %u", what, kind_names[kind], rp->len, pr->len);
  for (guint i = 0; i < MIN (rp->len, pr->len); i++)
    if (!g_str_equal (rp->pdata[i], pr->pdata[i]))
      {
        CHECK (FALSE, "%s %ss: at %u the result has %s, %s moved%s and has %s", what,
               kind_names[kind], i, (char *) rp->pdata[i],
               primary == o_keys ? "ours" : "theirs",
               b_keys == NULL ? " (two-way: ours)" : (ours_moved ? "" : " (or nobody)"),
               (char *) pr->pdata[i]);
        break;
      }
  /* … and each item only the other side has follows the one before it there. */
  for (guint i = 0; i < secondary->len; i++)
    {
      guint at, before_at;

      if (keys_have (primary, secondary->pdata[i]) ||
          !g_ptr_array_find_with_equal_func (r_keys, secondary->pdata[i], g_str_equal, &at))
        continue;
      for (guint j = i; j > 0; j--)
        if (g_ptr_array_find_with_equal_func (r_keys, secondary->pdata[j - 1], g_str_equal,
                                              &before_at))
          {
            CHECK (before_at < at, "%s %s %s comes before %s, which it follows on its side",
                   what, kind_names[kind], (char *) secondary->pdata[i],
                   (char *) secondary->pdata[j - 1]);
            break;
          }
    }
}

static void expect_list (Expect     *x,
                         FwItemKind  kind,
                         FwIdea     *b_idea,
                         FwIdea     *o_idea,
                         FwIdea     *t_idea,
                         FwIdea     *r_idea);

static void
expect_item (Expect     *x,
             FwItemKind  kind,
             const char *key,
             const char *idea_id,
             GObject    *b,
             GObject    *o,
             GObject    *t,
             GObject    *r)
{
  const char *id = kind == FW_ITEM_ASSESSMENT ? idea_id : key;
  const char *member_id = kind == FW_ITEM_ASSESSMENT ? key : NULL;
  g_autofree char *what = describe (kind, id, member_id);
  gboolean two_way = x->b == NULL;

  if (o && t)
    {
      CHECK (r != NULL, "%s: both sides have it, the result does not", what);
      if (r == NULL)
        return;
      expect_fields (x, kind, id, member_id, b, o, t, r);
      if (kind == FW_ITEM_IDEA)
        expect_list (x, FW_ITEM_ASSESSMENT, FW_IDEA (b), FW_IDEA (o), FW_IDEA (t), FW_IDEA (r));
    }
  else
    {
      GObject *side = o ? o : t;
      gboolean keep = TRUE;

      if (two_way)
        expect_conflict (x, kind, id, member_id, "", NULL, boolean_node (o != NULL),
                         boolean_node (t != NULL));
      else if (b == NULL)
        ;   /* added on one side */
      else if (items_same (kind, b, side, NULL))
        {
          keep = FALSE;   /* deleted on one side, untouched on the other */
          stats.deleted++;
        }
      else
        expect_conflict (x, kind, id, member_id, "", boolean_node (TRUE), boolean_node (o != NULL),
                         boolean_node (t != NULL));

      if (keep)
        {
          g_autoptr(GString) why = g_string_new (NULL);

          CHECK (r != NULL, "%s: only %s has it (%s), the result does not", what,
                 o ? "ours" : "theirs", b ? "changed since the base" : "added");
          if (r)
            CHECK (items_same (kind, side, r, why), "%s: the result is not %s' copy: %s", what,
                   o ? "ours" : "theirs", why->str);
        }
      else if (kind == FW_ITEM_MEMBER && r != NULL)
        {
          /* Kept for the assessments that name it (checked below), marked. */
          g_ptr_array_add (x->readded, (gpointer) key);
          stats.readded++;
          expect_conflict (x, kind, id, NULL, "", boolean_node (TRUE), boolean_node (o != NULL),
                           boolean_node (t != NULL));
          CHECK (items_same (kind, side, r, NULL), "%s: kept for its assessments, changed", what);
        }
      else
        CHECK (r == NULL, "%s: %s deleted it, the other left it alone, the result has it", what,
               o ? "theirs" : "ours");
    }
}

static void
expect_list (Expect     *x,
             FwItemKind  kind,
             FwIdea     *b_idea,
             FwIdea     *o_idea,
             FwIdea     *t_idea,
             FwIdea     *r_idea)
{
  gboolean assessments = kind == FW_ITEM_ASSESSMENT;
  FwWorkbook *bw = assessments ? NULL : x->b;
  g_autoptr(GPtrArray) b_keys = (assessments ? b_idea != NULL : x->b != NULL)
                                ? keys_of (bw, kind, b_idea) : NULL;
  g_autoptr(GPtrArray) o_keys = keys_of (x->o, kind, o_idea);
  g_autoptr(GPtrArray) t_keys = keys_of (x->t, kind, t_idea);
  g_autoptr(GPtrArray) r_keys = keys_of (x->r, kind, r_idea);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  const char *idea_id = assessments ? fw_idea_get_id (o_idea) : NULL;
  g_autofree char *what = assessments ? g_strdup_printf ("idea %s:", idea_id) : g_strdup ("");

  g_ptr_array_extend (all, o_keys, NULL, NULL);
  for (guint i = 0; i < t_keys->len; i++)
    if (!keys_have (all, t_keys->pdata[i]))
      g_ptr_array_add (all, t_keys->pdata[i]);

  for (guint i = 0; i < all->len; i++)
    {
      const char *key = all->pdata[i];

      expect_item (x, kind, key, idea_id,
                   b_keys ? find_item (bw, kind, b_idea, key) : NULL,
                   find_item (x->o, kind, o_idea, key), find_item (x->t, kind, t_idea, key),
                   find_item (x->r, kind, r_idea, key));
    }
  for (guint i = 0; i < r_keys->len; i++)
    {
      gboolean readded = kind == FW_ITEM_MEMBER && b_keys && keys_have (b_keys, r_keys->pdata[i]);

      if (!keys_have (all, r_keys->pdata[i]) && readded)
        g_ptr_array_add (x->readded, r_keys->pdata[i]);
      CHECK (keys_have (all, r_keys->pdata[i]) || readded,
             "%s %s %s: in the result, on neither side", what, kind_names[kind],
             (char *) r_keys->pdata[i]);
    }
  check_order (kind, b_keys, o_keys, t_keys, r_keys, what);
}

/* Every member of the result that its sides had deleted is named by an assessment there. */
static void
check_readded (Expect *x)
{
  for (guint i = 0; i < x->readded->len; i++)
    {
      const char *member_id = x->readded->pdata[i];
      gboolean named = FALSE;

      for (guint j = 0; j < fw_workbook_get_n_ideas (x->r) && !named; j++)
        named = fw_idea_find_assessment (fw_workbook_get_idea (x->r, j), member_id, NULL) != NULL;
      CHECK (named, "member %s: deleted on one side and untouched on the other, kept, though "
             "no assessment names it", member_id);
    }
}

static gboolean
conflicts_match (const FwConflict *a,
                 const FwConflict *b,
                 gboolean          swapped)
{
  return a->kind == b->kind && g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->member_id, b->member_id) == 0 && g_strcmp0 (a->field, b->field) == 0 &&
         (a->base == NULL) == (b->base == NULL) && (!a->base || json_node_equal (a->base, b->base)) &&
         json_node_equal (a->ours, swapped ? b->theirs : b->ours) &&
         json_node_equal (a->theirs, swapped ? b->ours : b->theirs) &&
         g_strcmp0 (a->ours_from, swapped ? b->theirs_from : b->ours_from) == 0 &&
         g_strcmp0 (a->theirs_from, swapped ? b->ours_from : b->theirs_from) == 0;
}

static char *
conflict_text (const FwConflict *c)
{
  g_autofree char *what = describe (c->kind, c->id, c->member_id);
  g_autofree char *b = c->base ? json_to_string (c->base, FALSE) : g_strdup ("-");
  g_autofree char *o = json_to_string (c->ours, FALSE);
  g_autofree char *t = json_to_string (c->theirs, FALSE);

  return g_strdup_printf ("%s field “%s”: base %s, ours %s, theirs %s", what, c->field, b, o, t);
}

/* Each of @a matches one of @b and the other way round. */
static void
check_same_conflicts (GPtrArray  *a,
                      GPtrArray  *b,
                      gboolean    swapped,
                      const char *a_name,
                      const char *b_name)
{
  g_autofree gboolean *used = g_new0 (gboolean, b->len + 1);

  for (guint i = 0; i < a->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < b->len && !found; j++)
        if (!used[j] && conflicts_match (a->pdata[i], b->pdata[j], swapped))
          used[j] = found = TRUE;
      if (!found)
        {
          g_autofree char *text = conflict_text (a->pdata[i]);
          CHECK (FALSE, "%s has the conflict %s, %s does not", a_name, text, b_name);
        }
    }
  for (guint j = 0; j < b->len; j++)
    if (!used[j])
      {
        g_autofree char *text = conflict_text (b->pdata[j]);
        CHECK (FALSE, "%s has the conflict %s, %s does not", b_name, text, a_name);
      }
}

/* (a), (b), (c) and the order, for one merge @r of @b, @o, @t. */
static void
check_merge (FwWorkbook *b,
             FwWorkbook *o,
             FwWorkbook *t,
             FwWorkbook *r,
             guint       n_conflicts,
             const char *ours_from,
             const char *theirs_from)
{
  g_autoptr(GPtrArray) conflicts = fw_workbook_dup_conflicts (r);
  Expect x = { b, o, t, r, ours_from, theirs_from,
               g_ptr_array_new_with_free_func ((GDestroyNotify) fw_conflict_free),
               g_ptr_array_new () };

  expect_fields (&x, FW_ITEM_WORKBOOK, NULL, NULL, G_OBJECT (b), G_OBJECT (o), G_OBJECT (t),
                 G_OBJECT (r));
  expect_list (&x, FW_ITEM_MEMBER, NULL, NULL, NULL, NULL);
  expect_list (&x, FW_ITEM_CASE, NULL, NULL, NULL, NULL);
  expect_list (&x, FW_ITEM_IDEA, NULL, NULL, NULL, NULL);
  check_readded (&x);

  check_same_conflicts (x.expected, conflicts, FALSE, "the expected", "the merge");
  CHECK (n_conflicts == conflicts->len, "%u new conflicts said, %u kept", n_conflicts,
         conflicts->len);
  g_ptr_array_unref (x.expected);
  g_ptr_array_unref (x.readded);
}

static char *
conflict_key (FwItemKind  kind,
              const char *id,
              const char *member_id,
              const char *field)
{
  return g_strdup_printf ("%d %s %s %s", kind, id ? id : "", member_id ? member_id : "", field);
}

static gboolean
unmarked (GHashTable *marked,
          FwItemKind  kind,
          const char *id,
          const char *member_id,
          const char *field)
{
  g_autofree char *key = conflict_key (kind, id, member_id, field);

  return !g_hash_table_contains (marked, key);
}

/* (d): merge(B, T, O) against merge(B, O, T). */
static void
check_symmetric (FwWorkbook *r1,
                 FwWorkbook *r2)
{
  static const FwItemKind lists[] = { FW_ITEM_MEMBER, FW_ITEM_CASE, FW_ITEM_IDEA };
  g_autoptr(GPtrArray) c1 = fw_workbook_dup_conflicts (r1);
  g_autoptr(GPtrArray) c2 = fw_workbook_dup_conflicts (r2);
  g_autoptr(GHashTable) marked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  check_same_conflicts (c1, c2, TRUE, "merge(B, O, T)", "merge(B, T, O)");
  for (guint i = 0; i < c1->len; i++)
    {
      FwConflict *c = c1->pdata[i];
      g_hash_table_add (marked, conflict_key (c->kind, c->id, c->member_id, c->field));
    }

  for (guint l = 0; l < G_N_ELEMENTS (lists) + 1; l++)
    {
      FwItemKind kind = l < G_N_ELEMENTS (lists) ? lists[l] : FW_ITEM_WORKBOOK;
      guint n1 = kind == FW_ITEM_WORKBOOK ? 1 : n_items (r1, kind, NULL);
      guint n2 = kind == FW_ITEM_WORKBOOK ? 1 : n_items (r2, kind, NULL);

      CHECK (n1 == n2, "%u %ss against %u", n1, kind_names[kind], n2);
      for (guint i = 0; i < n1; i++)
        {
          GObject *a = kind == FW_ITEM_WORKBOOK ? G_OBJECT (r1) : item_at (r1, kind, NULL, i);
          const char *key = kind == FW_ITEM_WORKBOOK ? NULL : key_of (kind, a);
          GObject *b = kind == FW_ITEM_WORKBOOK ? G_OBJECT (r2) : find_item (r2, kind, NULL, key);
          guint n;
          const Field *fields = fields_of (kind, &n);

          CHECK (b != NULL, "%s %s: in merge(B, O, T), not in merge(B, T, O)", kind_names[kind],
                 key);
          if (b == NULL)
            continue;
          for (guint f = 0; f < n; f++)
            {
              g_auto(GValue) x = G_VALUE_INIT;
              g_auto(GValue) y = G_VALUE_INIT;

              if (!unmarked (marked, kind, key, NULL, fields[f].name))
                continue;
              get_value (&fields[f], a, &x);
              get_value (&fields[f], b, &y);
              if (!values_equal_as_sets (&fields[f], &x, &y))
                {
                  g_autofree char *xt = value_text (&x), *yt = value_text (&y);
                  CHECK (FALSE, "%s %s.%s: %s in merge(B, O, T), %s in merge(B, T, O)",
                         kind_names[kind], key, fields[f].name, xt, yt);
                }
            }
          if (kind != FW_ITEM_IDEA)
            continue;
          CHECK (fw_idea_get_n_assessments (FW_IDEA (a)) == fw_idea_get_n_assessments (FW_IDEA (b)),
                 "idea %s: %u assessments against %u", key, fw_idea_get_n_assessments (FW_IDEA (a)),
                 fw_idea_get_n_assessments (FW_IDEA (b)));
          for (guint j = 0; j < fw_idea_get_n_assessments (FW_IDEA (a)); j++)
            {
              GObject *x = item_at (NULL, FW_ITEM_ASSESSMENT, FW_IDEA (a), j);
              const char *member = key_of (FW_ITEM_ASSESSMENT, x);
              GObject *y = find_item (NULL, FW_ITEM_ASSESSMENT, FW_IDEA (b), member);
              guint na;
              const Field *afields = fields_of (FW_ITEM_ASSESSMENT, &na);

              CHECK (y != NULL, "assessment %s/%s: in merge(B, O, T) only", key, member);
              for (guint f = 0; y && f < na; f++)
                {
                  g_auto(GValue) u = G_VALUE_INIT;
                  g_auto(GValue) v = G_VALUE_INIT;

                  if (!unmarked (marked, FW_ITEM_ASSESSMENT, key, member, afields[f].name))
                    continue;
                  get_value (&afields[f], x, &u);
                  get_value (&afields[f], y, &v);
                  CHECK (values_equal (&afields[f], &u, &v), "assessment %s/%s.%s differs", key,
                         member, afields[f].name);
                }
            }
        }
    }
}

/* (e): written and read back, the same workbook, the same conflicts, the same bytes. */
static void
check_round_trip (FwWorkbook *workbook)
{
  g_autoptr(GBytes) bytes = fw_workbook_to_bytes (workbook);
  g_autoptr(GError) error = NULL;
  g_autoptr(FwWorkbook) again = fw_workbook_load_from_data (g_bytes_get_data (bytes, NULL),
                                                            g_bytes_get_size (bytes), "merged",
                                                            &error);
  g_autoptr(GPtrArray) c1 = NULL, c2 = NULL;
  g_autoptr(GBytes) bytes2 = NULL;

  CHECK (again != NULL, "the merged workbook does not load: %s", error->message);
  if (again == NULL)
    return;
  CHECK (fw_workbook_equal (workbook, again), "read back, the merged workbook differs");
  c1 = fw_workbook_dup_conflicts (workbook);
  c2 = fw_workbook_dup_conflicts (again);
  check_same_conflicts (c1, c2, FALSE, "the merged workbook", "the one read back");
  bytes2 = fw_workbook_to_bytes (again);
  CHECK (g_bytes_equal (bytes, bytes2), "written again, other bytes");
}

/* (f): @x merged with itself, or with the base, is @x. */
static void
check_identity (FwWorkbook *b,
                FwWorkbook *ours,
                FwWorkbook *theirs,
                FwWorkbook *x,
                const char *what)
{
  g_autoptr(GError) error = NULL;
  guint n = 99;
  g_autoptr(FwWorkbook) r = fw_merge (b, ours, theirs, NULL, NULL, &n, &error);
  g_autoptr(GPtrArray) changes = NULL;

  g_assert_no_error (error);
  CHECK (n == 0 && fw_workbook_count_conflicts (r) == 0, "%s: %u conflicts", what, n);
  CHECK (fw_workbook_equal (r, x), "%s is not X", what);
  changes = fw_diff (x, r);
  CHECK (changes->len == 0, "%s: fw_diff (X, result) finds %u changes", what, changes->len);
}

/* @merged merged again with one of its sides is @merged, with its conflicts (none new,
 * none twice). */
static void
check_merged_again (FwWorkbook *b,
                    FwWorkbook *merged,
                    FwWorkbook *side,
                    const char *what)
{
  g_autoptr(GError) error = NULL;
  guint n = 99;
  g_autoptr(FwWorkbook) again = fw_merge (b, merged, side, "Ours", "Theirs", &n, &error);
  g_autoptr(GPtrArray) c1 = NULL, c2 = NULL;

  g_assert_no_error (error);
  CHECK (n == 0, "%s: %u new conflicts", what, n);
  CHECK (fw_workbook_equal (again, merged), "%s differs from merge(B, O, T)", what);
  c1 = fw_workbook_dup_conflicts (merged);
  c2 = fw_workbook_dup_conflicts (again);
  check_same_conflicts (c1, c2, FALSE, "merge(B, O, T)", what);
}

/* ------------------------------------------------------------------ the diff */

static gboolean
change_listed (GPtrArray    *changes,
               FwChangeKind  kind,
               FwItemKind    item,
               const char   *id,
               const char   *member_id,
               const char   *field,
               gboolean     *used)
{
  for (guint i = 0; i < changes->len; i++)
    {
      FwChange *c = changes->pdata[i];

      if (!used[i] && c->kind == kind && c->item == item && g_strcmp0 (c->id, id) == 0 &&
          g_strcmp0 (c->member_id, member_id) == 0 && g_strcmp0 (c->field, field) == 0)
        {
          used[i] = TRUE;
          return TRUE;
        }
    }
  return FALSE;
}

static void
expect_diff_fields (GPtrArray  *changes,
                    gboolean   *used,
                    FwItemKind  kind,
                    const char *id,
                    const char *member_id,
                    GObject    *a,
                    GObject    *b)
{
  guint n;
  const Field *fields = fields_of (kind, &n);

  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) x = G_VALUE_INIT;
      g_auto(GValue) y = G_VALUE_INIT;

      if (kind == FW_ITEM_WORKBOOK && g_str_equal (fields[i].name, "modified"))
        continue;
      get_value (&fields[i], a, &x);
      get_value (&fields[i], b, &y);
      if (!values_equal (&fields[i], &x, &y))
        CHECK (change_listed (changes, FW_CHANGE_FIELD, kind, id, member_id, fields[i].name, used),
               "fw_diff misses %s %s%s%s.%s", kind_names[kind], id ? id : "",
               member_id ? "/" : "", member_id ? member_id : "", fields[i].name);
    }
}

static void
expect_diff_list (GPtrArray  *changes,
                  gboolean   *used,
                  FwItemKind  kind,
                  FwWorkbook *a,
                  FwWorkbook *b,
                  FwIdea     *a_idea,
                  FwIdea     *b_idea)
{
  g_autoptr(GPtrArray) a_keys = keys_of (a, kind, a_idea);
  g_autoptr(GPtrArray) b_keys = keys_of (b, kind, b_idea);
  g_autoptr(GPtrArray) ac = g_ptr_array_new ();
  g_autoptr(GPtrArray) bc = g_ptr_array_new ();
  gboolean assessments = kind == FW_ITEM_ASSESSMENT;
  const char *idea_id = assessments ? fw_idea_get_id (b_idea) : NULL;
  gboolean moved = FALSE, any_moved = FALSE;

  for (guint i = 0; i < b_keys->len; i++)
    {
      const char *key = b_keys->pdata[i];
      GObject *x = find_item (a, kind, a_idea, key);
      GObject *y = find_item (b, kind, b_idea, key);

      if (x == NULL)
        CHECK (change_listed (changes, FW_CHANGE_ADDED, kind, assessments ? idea_id : key,
                              assessments ? key : NULL, NULL, used),
               "fw_diff misses the added %s %s", kind_names[kind], key);
      else
        {
          g_ptr_array_add (bc, (gpointer) key);
          expect_diff_fields (changes, used, kind, assessments ? idea_id : key,
                              assessments ? key : NULL, x, y);
          if (kind == FW_ITEM_IDEA)
            expect_diff_list (changes, used, FW_ITEM_ASSESSMENT, NULL, NULL, FW_IDEA (x),
                              FW_IDEA (y));
        }
    }
  for (guint i = 0; i < a_keys->len; i++)
    if (!keys_have (b_keys, a_keys->pdata[i]))
      CHECK (change_listed (changes, FW_CHANGE_REMOVED, kind, assessments ? idea_id : a_keys->pdata[i],
                            assessments ? a_keys->pdata[i] : NULL, NULL, used),
             "fw_diff misses the removed %s %s", kind_names[kind], (char *) a_keys->pdata[i]);
    else
      g_ptr_array_add (ac, a_keys->pdata[i]);
  if (assessments)
    return;
  for (guint i = 0; i < ac->len; i++)
    moved |= !g_str_equal (ac->pdata[i], bc->pdata[i]);
  for (guint i = 0; i < changes->len; i++)
    {
      FwChange *c = changes->pdata[i];

      if (c->kind == FW_CHANGE_MOVED && c->item == kind)
        {
          any_moved = TRUE;
          used[i] = TRUE;
        }
    }
  CHECK (moved == any_moved, "%ss %s, fw_diff says %s", kind_names[kind],
         moved ? "moved" : "in their order", any_moved ? "moved" : "none moved");
}

/* fw_diff lists each field that differs, each item added or removed; nothing else but the
 * moves and the verdicts the rules derive. */
static void
check_diff (FwWorkbook *a,
            FwWorkbook *b)
{
  g_autoptr(GPtrArray) changes = fw_diff (a, b);
  g_autofree gboolean *used = g_new0 (gboolean, changes->len + 1);

  expect_diff_fields (changes, used, FW_ITEM_WORKBOOK, NULL, NULL, G_OBJECT (a), G_OBJECT (b));
  expect_diff_list (changes, used, FW_ITEM_MEMBER, a, b, NULL, NULL);
  expect_diff_list (changes, used, FW_ITEM_CASE, a, b, NULL, NULL);
  expect_diff_list (changes, used, FW_ITEM_IDEA, a, b, NULL, NULL);
  /* The conflicts kept: a change of their own when they differ. */
  if (fw_workbook_count_conflicts (a) != fw_workbook_count_conflicts (b))
    CHECK (change_listed (changes, FW_CHANGE_CONFLICTS, FW_ITEM_WORKBOOK, NULL, NULL, NULL, used),
           "fw_diff misses the change of the conflicts kept");
  for (guint i = 0; i < changes->len; i++)
    {
      FwChange *c = changes->pdata[i];
      g_autofree char *line = fw_change_format (c, a, b);

      CHECK (used[i] || c->kind == FW_CHANGE_VERDICT, "fw_diff lists a change that is none: %s",
             line);
    }
}

/* ------------------------------------------------------------------ rounds */

static void
reload (FwWorkbook **workbook)
{
  FwWorkbook *copy = copy_of (*workbook);

  g_object_unref (*workbook);
  *workbook = copy;
}

static void
one_round (Round *r,
           guint  round)
{
  g_autoptr(FwWorkbook) ours = copy_of (r->base);
  g_autoptr(FwWorkbook) theirs = copy_of (r->base);
  g_autoptr(FwWorkbook) merged = NULL;
  g_autoptr(FwWorkbook) swapped = NULL;
  g_autoptr(FwWorkbook) two_way = NULL;
  g_autoptr(GBytes) ours_bytes = NULL;
  g_autoptr(GBytes) theirs_bytes = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = 0, n_swapped = 0, n_two_way = 0;

  g_string_truncate (round_log, 0);
  g_string_append_printf (round_log, "round %u (seed %u):\n", round, SEED);
  round_log_shown = FALSE;
  choose_hot (r);
  random_edits (r, ours, "ours");
  random_edits (r, theirs, "theirs");
  round_clear (r);
  /* The edited copies are files as the app writes them. */
  reload (&ours);
  reload (&theirs);
  ours_bytes = fw_workbook_to_bytes (ours);
  theirs_bytes = fw_workbook_to_bytes (theirs);

  merged = fw_merge (r->base, ours, theirs, "Ours", "Theirs", &n, &error);
  g_assert_no_error (error);
  check_merge (r->base, ours, theirs, merged, n, "Ours", "Theirs");

  swapped = fw_merge (r->base, theirs, ours, "Theirs", "Ours", &n_swapped, &error);
  g_assert_no_error (error);
  check_merge (r->base, theirs, ours, swapped, n_swapped, "Theirs", "Ours");
  check_symmetric (merged, swapped);

  check_round_trip (merged);
  text = fw_workbook_dup_text (merged);
  CHECK (text != NULL && *text, "no text");

  /* Without the base: every difference is a choice. */
  two_way = fw_merge (NULL, ours, theirs, "Ours", "Theirs", &n_two_way, &error);
  g_assert_no_error (error);
  check_merge (NULL, ours, theirs, two_way, n_two_way, "Ours", "Theirs");
  check_round_trip (two_way);

  /* Merged again with the same side: nothing new, and each conflict still marked once. */
  check_merged_again (r->base, merged, theirs, "merge(B, merge(B, O, T), T)");
  check_merged_again (r->base, merged, ours, "merge(B, merge(B, O, T), O)");

  check_identity (r->base, ours, ours, ours, "merge(B, O, O)");
  check_identity (r->base, r->base, theirs, theirs, "merge(B, B, T)");
  check_identity (r->base, theirs, r->base, theirs, "merge(B, T, B)");
  check_identity (NULL, ours, ours, ours, "merge(-, O, O)");

  check_diff (r->base, ours);
  check_diff (theirs, merged);

  /* The merge changes neither side. */
  after = fw_workbook_to_bytes (ours);
  CHECK (g_bytes_equal (after, ours_bytes), "the merge changed ours");
  g_clear_pointer (&after, g_bytes_unref);
  after = fw_workbook_to_bytes (theirs);
  CHECK (g_bytes_equal (after, theirs_bytes), "the merge changed theirs");
}

/* Under AddressSanitizer or valgrind every allocation costs (ASan's setup unwinds each
 * one in full): the first sixth of the rounds, the same seed, which still meet every kind
 * of edit and conflict; the full run stays in the normal build. */
static guint
n_rounds (void)
{
  gboolean checked = FALSE;
  const char *preload = g_getenv ("LD_PRELOAD");

#if defined(__SANITIZE_ADDRESS__)
  checked = TRUE;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  checked = TRUE;
#endif
#endif
  if (preload && strstr (preload, "vgpreload"))
    checked = TRUE;
  if (g_test_thorough ())
    return 10 * ROUNDS;
  return checked ? ROUNDS / 6 : ROUNDS;
}

static void
run_rounds (FwWorkbook *base,
            guint       seed)
{
  Round r = { g_rand_new_with_seed (seed), base, 0 };
  guint rounds = n_rounds ();

  round_log = g_string_new (NULL);
  n_failures = 0;
  for (guint i = 0; i < rounds && n_failures == 0; i++)
    one_round (&r, i);
  g_test_message ("%u rounds", rounds);
  for (guint k = 0; k < FW_N_ITEMS; k++)
    g_test_message ("%s: %u field conflicts, %u deleted-and-changed", kind_names[k],
                    stats.field_conflicts[k], stats.item_conflicts[k]);
  g_test_message ("%u deleted on one side only, %u members kept for their assessments, "
                  "%u links merged; lists moved by ours %u, theirs %u, both %u", stats.deleted,
                  stats.readded, stats.links_merged, stats.moved_ours, stats.moved_theirs,
                  stats.moved_both);
  memset (&stats, 0, sizeof stats);
  g_assert_cmpuint (n_failures, ==, 0);
  g_string_free (round_log, TRUE);
  round_log = NULL;
  g_rand_free (r.rand);
}

static void
test_sample (void)
{
  g_autoptr(FwWorkbook) base = load_sample ();

  run_rounds (base, SEED);
}

static void
test_team (void)
{
  g_autoptr(FwWorkbook) base = make_team_base ();

  g_assert_cmpuint (fw_workbook_get_n_members (base), ==, 4);
  run_rounds (base, SEED + 1);
}

/* The case the rounds found: ours deletes a member with its assessments, theirs changes
 * one of them. The assessment is kept and marked, and so is the member it needs, where it
 * was; the member's deletion can be taken once its assessment is gone. */
static void
test_member_kept_for_assessment (void)
{
  g_autoptr(FwWorkbook) base = make_team_base ();
  g_autoptr(FwWorkbook) ours = copy_of (base);
  g_autoptr(FwWorkbook) theirs = copy_of (base);
  g_autoptr(FwWorkbook) merged = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  FwIdea *idea = fw_workbook_get_idea (theirs, 0);
  const char *idea_id = fw_idea_get_id (idea);
  FwConflict *c;
  guint position = 99, at = 0, n = 0, member_conflict = 0;

  g_assert_true (fw_workbook_find_member (ours, "m-aiko", &position));
  g_assert_cmpuint (position, ==, 0);
  for (guint i = 0; i < fw_workbook_get_n_ideas (ours); i++)
    if (fw_idea_find_assessment (fw_workbook_get_idea (ours, i), "m-aiko", &at))
      fw_idea_remove_assessment (fw_workbook_get_idea (ours, i), at);
  fw_workbook_remove_member (ours, 0);
  fw_member_assessment_set_comment (fw_idea_find_assessment (idea, "m-aiko", NULL), "changed");

  merged = fw_merge (base, ours, theirs, "Ours", "Theirs", &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (fw_workbook_find_member (merged, "m-aiko", &position));
  g_assert_cmpuint (position, ==, 0);
  conflicts = fw_workbook_dup_conflicts (merged);
  for (guint i = 0; i < conflicts->len; i++)
    {
      c = conflicts->pdata[i];
      g_assert_cmpstr (c->field, ==, "");
      g_assert_true (json_node_get_boolean (c->base));
      g_assert_false (json_node_get_boolean (c->ours));
      g_assert_true (json_node_get_boolean (c->theirs));
      if (c->kind == FW_ITEM_MEMBER)
        {
          g_assert_cmpstr (c->id, ==, "m-aiko");
          member_conflict = i;
        }
      else
        {
          g_assert_cmpint (c->kind, ==, FW_ITEM_ASSESSMENT);
          g_assert_cmpstr (c->id, ==, idea_id);
          g_assert_cmpstr (c->member_id, ==, "m-aiko");
        }
    }
  check_round_trip (merged);
  g_assert_cmpuint (n_failures, ==, 0);

  /* The member goes only once its assessment has. */
  g_assert_false (fw_workbook_resolve_conflict (merged, member_conflict, FW_RESOLVE_OURS, NULL,
                                                &error));
  g_clear_error (&error);
  g_assert_true (fw_workbook_resolve_conflict (merged, 1 - member_conflict, FW_RESOLVE_OURS, NULL,
                                               &error));
  g_assert_no_error (error);
  g_assert_true (fw_workbook_resolve_conflict (merged, 0, FW_RESOLVE_OURS, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (fw_workbook_find_member (merged, "m-aiko", NULL));
  g_assert_true (fw_workbook_equal (merged, ours));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge-property/sample", test_sample);
  g_test_add_func ("/merge-property/team", test_team);
  g_test_add_func ("/merge-property/member-kept-for-assessment", test_member_kept_for_assessment);
  return g_test_run ();
}
