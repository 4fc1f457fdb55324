import { createSessionSnippet, exchangeSnippet, introspectSnippet, reactConnectSnippet, type SnippetValues } from "./snippets.js";

/** Props of {@link CodeSnippets}. */
export interface CodeSnippetsProps {
  values: SnippetValues;
}

/** Living documentation: the four pieces of code behind the demo, in the order they run. */
export function CodeSnippets({ values }: CodeSnippetsProps) {
  const parts = [
    { title: "1. Create a session: POST /connect/sessions", code: createSessionSnippet(values) },
    { title: "2. Open Connect in the page", code: reactConnectSnippet(values) },
    { title: "3. Exchange the code: POST /auth/token", code: exchangeSnippet(values) },
    { title: "4. Check the connection: GET /introspect", code: introspectSnippet(values) },
  ];
  return (
    <>
      {parts.map((part) => (
        <div key={part.title} className="snippet">
          <h3 className="section-title">{part.title}</h3>
          <pre className="json-block">
            <code>{part.code}</code>
          </pre>
        </div>
      ))}
    </>
  );
}
