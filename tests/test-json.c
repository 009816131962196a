/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The JSON parser behind the workbook loader (src/core/fw-json.c). */

#include "config.h"

#include "fw-json.h"

static FwJsonDocument *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  FwJsonDocument *document = fw_json_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
test_values (void)
{
  g_autoptr(FwJsonDocument) document =
    parse_ok (" {\"s\": \"a\\u00e9\\n\\\"\", \"i\": -42, \"big\": 12345678901234567890,"
              " \"d\": 2.5e1, \"t\": true, \"f\": false, \"z\": null,"
              " \"a\": [1, [], {}], \"o\": {\"k\": \"v\"}} ");
  const FwJsonValue *root = fw_json_document_get_root (document);
  const FwJsonValue *v;

  g_assert_cmpint (root->type, ==, FW_JSON_OBJECT);
  g_assert_cmpuint (root->n, ==, 9);
  g_assert_cmpstr (root->members[0].name, ==, "s");

  v = fw_json_object_get (root, "s");
  g_assert_cmpint (v->type, ==, FW_JSON_STRING);
  g_assert_cmpstr (v->string, ==, "a\xc3\xa9\n\"");
  v = fw_json_object_get (root, "i");
  g_assert_cmpint (v->type, ==, FW_JSON_INTEGER);
  g_assert_cmpint (v->integer, ==, -42);
  /* Too large for gint64: a double, as json-glib reads it. */
  v = fw_json_object_get (root, "big");
  g_assert_cmpint (v->type, ==, FW_JSON_DOUBLE);
  g_assert_cmpfloat_with_epsilon (v->number, 12345678901234567890.0, 1e5);
  v = fw_json_object_get (root, "d");
  g_assert_cmpint (v->type, ==, FW_JSON_DOUBLE);
  g_assert_cmpfloat (v->number, ==, 25.0);
  g_assert_true (fw_json_object_get (root, "t")->boolean);
  g_assert_cmpint (fw_json_object_get (root, "f")->type, ==, FW_JSON_BOOLEAN);
  g_assert_false (fw_json_object_get (root, "f")->boolean);
  g_assert_cmpint (fw_json_object_get (root, "z")->type, ==, FW_JSON_NULL);
  g_assert_null (fw_json_object_get (root, "missing"));

  v = fw_json_object_get (root, "a");
  g_assert_cmpint (v->type, ==, FW_JSON_ARRAY);
  g_assert_cmpuint (v->n, ==, 3);
  g_assert_cmpint (v->elements[0].integer, ==, 1);
  g_assert_cmpint (v->elements[1].type, ==, FW_JSON_ARRAY);
  g_assert_cmpuint (v->elements[1].n, ==, 0);
  g_assert_cmpint (v->elements[2].type, ==, FW_JSON_OBJECT);
  g_assert_cmpuint (v->elements[2].n, ==, 0);
  g_assert_cmpstr (fw_json_object_get (fw_json_object_get (root, "o"), "k")->string, ==, "v");
}

static void
test_escapes (void)
{
  /* A surrogate pair is one character; a lone surrogate and NUL become U+FFFD. */
  g_autoptr(FwJsonDocument) document =
    parse_ok ("[\"\\ud83d\\ude00\", \"\\ud800x\", \"a\\u0000b\", \"\\/\\b\\f\\r\\t\"]");
  const FwJsonValue *root = fw_json_document_get_root (document);

  g_assert_cmpuint (root->n, ==, 4);
  g_assert_cmpstr (root->elements[0].string, ==, "\xf0\x9f\x98\x80");
  g_assert_cmpstr (root->elements[1].string, ==, "\xef\xbf\xbdx");
  g_assert_cmpstr (root->elements[2].string, ==, "a\xef\xbf\xbd" "b");
  g_assert_cmpstr (root->elements[3].string, ==, "/\b\f\r\t");
}

static void
test_duplicates (void)
{
  g_autoptr(FwJsonDocument) document = parse_ok ("{\"a\": 1, \"b\": 2, \"a\": 3}");
  const FwJsonValue *root = fw_json_document_get_root (document);

  /* The last value of a repeated name wins, as in json-glib. */
  g_assert_cmpint (fw_json_object_get (root, "a")->integer, ==, 3);
  g_assert_false (fw_json_object_is_final (root, 0));
  g_assert_true (fw_json_object_is_final (root, 1));
  g_assert_true (fw_json_object_is_final (root, 2));
}

static void
test_many_members (void)
{
  /* A large object keeps the last of each repeated name, in file order. */
  g_autoptr(GString) text = g_string_new ("{");
  g_autoptr(FwJsonDocument) document = NULL;
  const FwJsonValue *root;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "\"m%u\": %u, ", i % 500, i);
  g_string_append (text, "\"end\": 0}");
  document = parse_ok (text->str);
  root = fw_json_document_get_root (document);
  g_assert_cmpuint (root->n, ==, 501);
  g_assert_cmpstr (root->members[0].name, ==, "m0");
  g_assert_cmpint (root->members[0].value.integer, ==, 500);
  g_assert_cmpint (fw_json_object_get (root, "m499")->integer, ==, 999);
  for (guint i = 0; i < root->n; i++)
    g_assert_true (fw_json_object_is_final (root, i));
}

static void
test_to_node (void)
{
  g_autoptr(FwJsonDocument) document =
    parse_ok ("{\"n\": {\"x\": [1, 2.5, \"s\", true, null]}, \"y\": \"\xe6\x97\xa5\"}");
  g_autoptr(JsonNode) node = fw_json_value_to_node (fw_json_document_get_root (document));
  g_autofree char *text = json_to_string (node, FALSE);

  g_assert_cmpstr (text, ==, "{\"n\":{\"x\":[1,2.5,\"s\",true,null]},\"y\":\"\xe6\x97\xa5\"}");
}

static void
test_errors (void)
{
  static const struct { const char *text; const char *message; } cases[] = {
    { "{\"a\": }", "<data>:1:7: expected a value" },
    { "{\n  \"a\": 1,\n  \"b\" 2\n}", "<data>:3:7: expected “:” after a member name" },
    { "[1, 2", "<data>:1:6: expected “,” or “]” in an array" },
    { "\"abc", "<data>:1:5: a string that never ends" },
    { "[\"a\\qb\"]", "<data>:1:5: an unknown escape in a string" },
    { "[\"\\u12\"]", "<data>:1:5: a \\u escape needs four hexadecimal digits" },
    { "[01]", "<data>:1:3: expected “,” or “]” in an array" },
    { "[-]", "<data>:1:3: a malformed number" },
    { "[1.]", "<data>:1:4: a malformed number" },
    { "{} {}", "<data>:1:4: more data after the end of the document" },
    { "{\"\xe6\x97\xa5\": x}", "<data>:1:7: expected a value" },
    { "[\"a\tb\"]", "<data>:1:4: a control character inside a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FwJsonDocument) document = fw_json_parse (cases[i].text, strlen (cases[i].text),
                                                          &error);

      g_assert_null (document);
      g_assert_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("%s: got “%s”, expected “%s…”", cases[i].text, error->message,
                 cases[i].message);
    }
}

static void
test_blank_and_deep (void)
{
  g_autoptr(GError) error = NULL;
  GString *deep = g_string_new (NULL);
  FwJsonDocument *document;

  /* Nothing but white space: no document and no error. */
  document = fw_json_parse (" \n\t ", 4, &error);
  g_assert_null (document);
  g_assert_no_error (error);

  /* Nesting beyond the limit is an error, never a crashed stack. */
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, '[');
  document = fw_json_parse (deep->str, deep->len, &error);
  g_assert_null (document);
  g_assert_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "nested too deeply"));
  g_string_free (deep, TRUE);
}

static void
test_large (void)
{
  /* More than one block of values and strings, and one string larger than a block. */
  GString *text = g_string_new ("[");
  g_autofree char *huge = g_strnfill (3 << 20, 'x');
  g_autoptr(FwJsonDocument) document = NULL;
  const FwJsonValue *root;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "{\"id\": %u, \"name\": \"item %u\"},", i, i);
  g_string_append_printf (text, "\"%s\"]", huge);
  document = parse_ok (text->str);
  root = fw_json_document_get_root (document);
  g_assert_cmpuint (root->n, ==, 100001);
  g_assert_cmpint (fw_json_object_get (&root->elements[99999], "id")->integer, ==, 99999);
  g_assert_cmpstr (fw_json_object_get (&root->elements[77777], "name")->string, ==,
                   "item 77777");
  g_assert_cmpuint (strlen (root->elements[100000].string), ==, 3 << 20);
  g_string_free (text, TRUE);
}

/* fw_json_object_copy() copies everything under the object: changing the copy, deep
 * down, leaves the original as it was; the members keep their order. */
static void
test_object_copy (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonObject) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) names = NULL;
  JsonObject *original;
  JsonArray *list;

  json_parser_load_from_data (parser, "{\"z\": 1, \"a\": {\"k\": \"v\"}, "
                              "\"list\": [{\"x\": true}, \"s\"], \"n\": null}", -1, &error);
  g_assert_no_error (error);
  original = json_node_get_object (json_parser_get_root (parser));
  g_assert_null (fw_json_object_copy (NULL));
  copy = fw_json_object_copy (original);
  g_assert_true (copy != original);

  names = json_object_get_members (copy);
  g_assert_cmpuint (g_list_length (names), ==, 4);
  g_assert_cmpstr (names->data, ==, "z");
  g_assert_cmpstr (names->next->data, ==, "a");
  g_assert_cmpint (json_object_get_int_member (copy, "z"), ==, 1);
  g_assert_true (json_object_get_null_member (copy, "n"));

  json_object_remove_member (copy, "z");
  json_object_set_string_member (json_object_get_object_member (copy, "a"), "k", "changed");
  list = json_object_get_array_member (copy, "list");
  json_object_set_boolean_member (json_array_get_object_element (list, 0), "x", FALSE);
  json_node_set_string (json_array_get_element (list, 1), "changed");

  g_assert_true (json_object_has_member (original, "z"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (original, "a"),
                                                  "k"), ==, "v");
  list = json_object_get_array_member (original, "list");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (list, 0), "x"));
  g_assert_cmpstr (json_array_get_string_element (list, 1), ==, "s");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/values", test_values);
  g_test_add_func ("/json/escapes", test_escapes);
  g_test_add_func ("/json/duplicates", test_duplicates);
  g_test_add_func ("/json/many-members", test_many_members);
  g_test_add_func ("/json/to-node", test_to_node);
  g_test_add_func ("/json/errors", test_errors);
  g_test_add_func ("/json/blank-and-deep", test_blank_and_deep);
  g_test_add_func ("/json/large", test_large);
  g_test_add_func ("/json/object-copy", test_object_copy);
  return g_test_run ();
}
