{{%AUTOESCAPE context="HTML"}}{{! The contact box on every page, from site.yaml. }}<aside class="contact" aria-labelledby="contact-titel">
  <div class="contact-binnen">
    <h2 id="contact-titel">{{NAAM}}</h2>
    {{#TEKST}}<p>{{TEKST}}</p>{{/TEKST}}
    <ul class="contact-wegen">
      {{#TELEFOON}}<li>Bel <a href="tel:{{TEL}}">{{TELEFOON}}</a></li>{{/TELEFOON}}
      {{#EMAIL}}<li>Mail <a href="mailto:{{EMAIL}}">{{EMAIL}}</a></li>{{/EMAIL}}
    </ul>
  </div>
</aside>
