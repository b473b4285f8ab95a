{{%AUTOESCAPE context="HTML"}}{{! One partner of the coalition. }}<article class="partner">
  <header class="artikel-kop">
    <p class="bovenregel"><a href="{{ROOT}}partners/">Partners</a></p>
    <h1>{{NAAM}}</h1>
    {{#LOGO}}<picture><source type="image/webp" srcset="{{WEBP_SRCSET}}" sizes="{{SIZES}}"><img class="logo" src="{{SRC}}" srcset="{{SRCSET}}" sizes="{{SIZES}}" width="{{WIDTH}}" height="{{HEIGHT}}" alt="Logo van {{NAAM}}"></picture>{{/LOGO}}
  </header>
  <dl class="feiten">
    <dt>Sector</dt><dd>{{SECTOR}}</dd>
    {{#ADRES}}<dt>Adres</dt><dd>{{ADRES}}</dd>{{/ADRES}}
    {{#TELEFOON}}<dt>Telefoon</dt><dd><a href="tel:{{TEL}}">{{TELEFOON}}</a></dd>{{/TELEFOON}}
    {{#EMAIL}}<dt>E-mail</dt><dd><a href="mailto:{{EMAIL}}">{{EMAIL}}</a></dd>{{/EMAIL}}
    {{#WEBSITE}}<dt>Website</dt><dd><a href="{{WEBSITE}}">{{WEBSITE_TEKST}}</a></dd>{{/WEBSITE}}
    {{#CONVENANT}}<dt>Convenant getekend</dt><dd><time datetime="{{DATUM_ISO}}">{{DATUM}}</time></dd>{{/CONVENANT}}
  </dl>
  <div class="tekst">
{{BODY:none}}
  </div>
  {{#HAS_ACTIVITIES}}<section aria-labelledby="act-titel">
    <h2 id="act-titel">Activiteiten van {{NAAM}}</h2>
    <div class="kaarten">
{{#ACTIVITY}}{{>CARD}}{{/ACTIVITY}}    </div>
  </section>{{/HAS_ACTIVITIES}}
</article>
