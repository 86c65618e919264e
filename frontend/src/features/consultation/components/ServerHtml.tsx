interface ServerHtmlProps {
  /** HTML the server rendered from Markdown and sanitised (the `html` fields of the API). */
  html: string;
  className?: string;
}

/**
 * Shows text the server rendered from Markdown. This is the one place the app inserts HTML, and
 * only the server's sanitised `html` fields (plan sections, intro, comments, responses) come here;
 * never anything a person typed into this page.
 */
export function ServerHtml({ html, className }: ServerHtmlProps) {
  return <div className={className ? `prose ${className}` : "prose"} dangerouslySetInnerHTML={{ __html: html }} />;
}
