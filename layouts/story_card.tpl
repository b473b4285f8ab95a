{{%AUTOESCAPE context="HTML"}}{{! A story in a list: title, date, place, summary. Its title is an h2 or an h3 (sections H2, H3), following the page's outline. }}<article class="kaart">
  {{#H2}}<h2 class="kaart-titel"><a href="{{URL}}">{{TITEL}}</a></h2>{{/H2}}{{#H3}}<h3 class="kaart-titel"><a href="{{URL}}">{{TITEL}}</a></h3>{{/H3}}
  <p class="kaart-meta"><time datetime="{{DATUM_ISO}}">{{DATUM}}</time>{{#KERN}} · {{KERN}}{{/KERN}}{{#AUTEUR}} · {{AUTEUR}}{{/AUTEUR}}</p>
  <p>{{SAMENVATTING}}</p>
</article>
