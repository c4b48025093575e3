{% load i18n static %}<?xml version="1.0" encoding="utf-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="utf-8" indent="yes"/>
  <xsl:template match="/rss/channel">
    <html lang="{{ LANGUAGE_CODE|default:'en' }}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="title"/></title>
        <link rel="stylesheet" href="{% static 'css/site.css' %}"/>
      </head>
      <body>
        <main id="main" class="wrap">
          <div class="page-head">
            <p class="eyebrow">{% translate "A feed (RSS)" %}</p>
            <h1><xsl:value-of select="title"/></h1>
            <p class="lead">{% translate "This page is a feed: a feed reader checks it for you and shows what is new. Copy this page's address into your feed reader to follow it." %}</p>
            <p><a href="{% url 'practices:feeds' %}">{% translate "What is a feed, and how to follow one" %}</a></p>
          </div>
          <section aria-labelledby="items-heading">
            <h2 id="items-heading">{% translate "Newest practices in this feed" %}</h2>
            <xsl:for-each select="item">
              <article class="card">
                <h3 class="card-title"><a href="{link}"><xsl:value-of select="title"/></a></h3>
                <p class="card-summary"><xsl:value-of select="description"/></p>
              </article>
            </xsl:for-each>
          </section>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
