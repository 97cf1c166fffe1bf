package entity

import (
	"strings"

	"github.com/storyline-news/storyline"
)

// The type prior: names whose type a statistical tagger often gets wrong
// because news uses them two ways. A seat of power stands for the
// government in it ("the Kremlin said") and is an organisation; a country,
// capital or large city is a place even where the tagger, from its
// context ("Bern, where she will meet"), votes ORG. The lists are general
// knowledge, written by hand; they apply only to a name as a whole, so
// "Bank of England" or "Moscow State University" keep their own type.

// priorOrgs are seats of power and institutions named by a place-like word.
// The Vatican is listed as the Holy See, the government that "the Vatican
// said" speaks for; "Vatican City", the state, is a place. Downing Street
// and Number 10 stand for the UK government as the Kremlin does for
// Russia's.
const priorOrgs = `
Kremlin
White House
Pentagon
Elysee
Elysee Palace
Palais de l'Elysee
Matignon
Quai d'Orsay
Downing Street
Number 10
No 10
No. 10
Whitehall
Scotland Yard
Foggy Bottom
Vatican
Holy See
Zhongnanhai
Blue House
Kantei
Palazzo Chigi
Moncloa
Chancellery
Congress
US Congress
U.S. Congress
Senate
US Senate
U.S. Senate
House of Representatives
House of Commons
House of Lords
Parliament
European Parliament
Bundestag
Bundesrat
Knesset
Duma
State Duma
Federation Council
Verkhovna Rada
Rada
Sejm
Riksdag
Storting
Folketing
Eduskunta
Althing
Oireachtas
Dail
Majlis
Lok Sabha
Rajya Sabha
National Diet
National People's Congress
Politburo
Supreme Court
US Supreme Court
U.S. Supreme Court
High Court
Constitutional Court
Federal Reserve
`

// priorPlaces are countries and territories, their large regions (US
// states, Canadian provinces...), capitals, and large
// or often reported cities.
const priorPlaces = `
Afghanistan
Albania
Algeria
Andorra
Angola
Antigua and Barbuda
Argentina
Armenia
Australia
Austria
Azerbaijan
Bahamas
Bahrain
Bangladesh
Barbados
Belarus
Belgium
Belize
Benin
Bhutan
Bolivia
Bosnia
Bosnia and Herzegovina
Botswana
Brazil
Brunei
Bulgaria
Burkina Faso
Burundi
Cambodia
Cameroon
Canada
Cape Verde
Cabo Verde
Central African Republic
Chad
Chile
China
Colombia
Comoros
Congo
Republic of the Congo
Democratic Republic of the Congo
Costa Rica
Ivory Coast
Croatia
Cuba
Cyprus
Czech Republic
Denmark
Djibouti
Dominica
Dominican Republic
East Timor
Timor-Leste
Ecuador
Egypt
El Salvador
Equatorial Guinea
Eritrea
Estonia
Eswatini
Ethiopia
Fiji
Finland
France
Gabon
Gambia
Georgia
Germany
Ghana
Greece
Grenada
Guatemala
Guinea
Guinea-Bissau
Guyana
Haiti
Honduras
Hungary
Iceland
India
Indonesia
Iran
Iraq
Ireland
Israel
Italy
Jamaica
Japan
Jordan
Kazakhstan
Kenya
Kiribati
Kosovo
Kuwait
Kyrgyzstan
Laos
Latvia
Lebanon
Lesotho
Liberia
Libya
Liechtenstein
Lithuania
Luxembourg
Madagascar
Malawi
Malaysia
Maldives
Mali
Malta
Marshall Islands
Mauritania
Mauritius
Mexico
Micronesia
Moldova
Monaco
Mongolia
Montenegro
Morocco
Mozambique
Myanmar
Namibia
Nauru
Nepal
Netherlands
New Zealand
Nicaragua
Niger
Nigeria
North Korea
North Macedonia
Norway
Oman
Pakistan
Palau
Palestine
Panama
Papua New Guinea
Paraguay
Peru
Philippines
Poland
Portugal
Qatar
Romania
Russia
Rwanda
Saint Kitts and Nevis
Saint Lucia
Saint Vincent and the Grenadines
Samoa
San Marino
Sao Tome and Principe
Saudi Arabia
Senegal
Serbia
Seychelles
Sierra Leone
Singapore
Slovakia
Slovenia
Solomon Islands
Somalia
South Africa
South Korea
South Sudan
Spain
Sri Lanka
Sudan
Suriname
Sweden
Switzerland
Syria
Taiwan
Tajikistan
Tanzania
Thailand
Togo
Tonga
Trinidad and Tobago
Tunisia
Turkey
Turkmenistan
Tuvalu
Uganda
Ukraine
United Arab Emirates
United Kingdom
United States
Uruguay
Uzbekistan
Vanuatu
Vatican City
Venezuela
Vietnam
Yemen
Zambia
Zimbabwe
England
Scotland
Wales
Northern Ireland
Greenland
Hong Kong
Macau
Puerto Rico
Gaza
Gaza Strip
West Bank
Golan Heights
Crimea
Donbas
Donbass
Kashmir
Tibet
Xinjiang
Chechnya
Western Sahara
Transnistria
Abkhazia
South Ossetia
Nagorno-Karabakh
Darfur
Siberia
Alabama
Alaska
Arizona
Arkansas
California
Colorado
Connecticut
Delaware
Florida
Hawaii
Idaho
Illinois
Indiana
Iowa
Kansas
Kentucky
Louisiana
Maine
Maryland
Massachusetts
Michigan
Minnesota
Mississippi
Missouri
Montana
Nebraska
Nevada
New Hampshire
New Jersey
New Mexico
North Carolina
North Dakota
Ohio
Oklahoma
Oregon
Pennsylvania
Rhode Island
South Carolina
South Dakota
Tennessee
Texas
Utah
Vermont
Virginia
West Virginia
Wisconsin
Wyoming
Ontario
Quebec
British Columbia
Alberta
Manitoba
Saskatchewan
Nova Scotia
New South Wales
Queensland
Victoria
Tasmania
Bavaria
Catalonia
Andalusia
Lombardy
Sicily
Sardinia
Corsica
Brittany
Normandy
Flanders
Wallonia
Silesia
Transylvania
Punjab
Kerala
Gujarat
Bengal
Sichuan
Guangdong
Hokkaido
Kabul
Tirana
Algiers
Luanda
Buenos Aires
Yerevan
Canberra
Vienna
Baku
Nassau
Manama
Dhaka
Minsk
Brussels
La Paz
Sarajevo
Gaborone
Brasilia
Sofia
Ouagadougou
Bujumbura
Phnom Penh
Yaounde
Ottawa
Bangui
N'Djamena
Santiago
Beijing
Bogota
Brazzaville
Kinshasa
San Jose
Yamoussoukro
Abidjan
Zagreb
Havana
Nicosia
Prague
Copenhagen
Santo Domingo
Dili
Quito
Cairo
San Salvador
Malabo
Asmara
Tallinn
Addis Ababa
Suva
Helsinki
Paris
Libreville
Banjul
Tbilisi
Berlin
Accra
Athens
Guatemala City
Conakry
Bissau
Georgetown
Port-au-Prince
Tegucigalpa
Budapest
Reykjavik
New Delhi
Delhi
Jakarta
Tehran
Baghdad
Dublin
Jerusalem
Rome
Kingston
Tokyo
Amman
Astana
Nur-Sultan
Nairobi
Pristina
Kuwait City
Bishkek
Vientiane
Riga
Beirut
Maseru
Monrovia
Tripoli
Vaduz
Vilnius
Antananarivo
Lilongwe
Kuala Lumpur
Bamako
Valletta
Nouakchott
Port Louis
Mexico City
Chisinau
Ulaanbaatar
Ulan Bator
Podgorica
Rabat
Maputo
Naypyidaw
Windhoek
Kathmandu
Amsterdam
Hague
Wellington
Managua
Niamey
Abuja
Pyongyang
Skopje
Oslo
Muscat
Islamabad
Ramallah
Panama City
Port Moresby
Asuncion
Lima
Manila
Warsaw
Lisbon
Doha
Bucharest
Moscow
Kigali
Riyadh
Dakar
Belgrade
Freetown
Bratislava
Ljubljana
Mogadishu
Pretoria
Cape Town
Seoul
Juba
Madrid
Colombo
Khartoum
Paramaribo
Stockholm
Bern
Berne
Damascus
Taipei
Dushanbe
Dodoma
Bangkok
Lome
Port of Spain
Tunis
Ankara
Ashgabat
Kampala
Kyiv
Abu Dhabi
London
Washington
Washington D.C.
Washington DC
Montevideo
Tashkent
Caracas
Hanoi
Sanaa
Lusaka
Harare
Edinburgh
Cardiff
Belfast
New York
New York City
Los Angeles
Chicago
Philadelphia
San Antonio
San Diego
Dallas
San Francisco
Seattle
Boston
Miami
Atlanta
Detroit
Denver
Las Vegas
Baltimore
Minneapolis
St. Louis
Pittsburgh
Cleveland
New Orleans
Nashville
Tampa
Sacramento
Indianapolis
Milwaukee
Kansas City
Salt Lake City
Honolulu
Anchorage
Brooklyn
Manhattan
Toronto
Montreal
Vancouver
Calgary
Quebec City
Guadalajara
Monterrey
Tijuana
Sao Paulo
Rio de Janeiro
Belo Horizonte
Porto Alegre
Recife
Manaus
Medellin
Cartagena
Guayaquil
Valparaiso
Rosario
Maracaibo
Manchester
Birmingham
Liverpool
Leeds
Glasgow
Bristol
Oxford
Cambridge
Sheffield
Hamburg
Munich
Frankfurt
Cologne
Stuttgart
Dusseldorf
Dresden
Leipzig
Bonn
Hanover
Nuremberg
Marseille
Lyon
Toulouse
Nice
Strasbourg
Bordeaux
Lille
Nantes
Milan
Naples
Turin
Venice
Genoa
Bologna
Palermo
Barcelona
Valencia
Seville
Bilbao
Malaga
Porto
Rotterdam
Antwerp
Geneva
Zurich
Basel
Lausanne
Davos
Salzburg
Gdansk
Krakow
Wroclaw
Brno
St Petersburg
St. Petersburg
Saint Petersburg
Novosibirsk
Yekaterinburg
Kazan
Nizhny Novgorod
Sochi
Vladivostok
Kaliningrad
Rostov-on-Don
Volgograd
Murmansk
Grozny
Kharkiv
Odesa
Odessa
Lviv
Dnipro
Donetsk
Luhansk
Mariupol
Zaporizhzhia
Kherson
Mykolaiv
Sevastopol
Simferopol
Bakhmut
Chernihiv
Istanbul
Izmir
Thessaloniki
Gothenburg
Dubai
Jeddah
Mecca
Medina
Aleppo
Homs
Idlib
Mosul
Basra
Erbil
Kirkuk
Fallujah
Tel Aviv
Haifa
Gaza City
Hebron
Nablus
Jenin
Rafah
Khan Younis
Isfahan
Mashhad
Tabriz
Shiraz
Alexandria
Benghazi
Misrata
Aden
Hodeidah
Casablanca
Marrakesh
Shanghai
Guangzhou
Shenzhen
Chongqing
Tianjin
Wuhan
Chengdu
Nanjing
Xi'an
Hangzhou
Harbin
Lhasa
Urumqi
Osaka
Kyoto
Yokohama
Nagoya
Hiroshima
Nagasaki
Fukushima
Okinawa
Busan
Incheon
Mumbai
Kolkata
Chennai
Bangalore
Bengaluru
Hyderabad
Ahmedabad
Srinagar
Karachi
Lahore
Rawalpindi
Peshawar
Quetta
Kandahar
Herat
Ho Chi Minh City
Saigon
Yangon
Rangoon
Mandalay
Bali
Almaty
Lagos
Kano
Johannesburg
Durban
Mombasa
Dar es Salaam
Goma
Douala
Timbuktu
Omdurman
Sydney
Melbourne
Brisbane
Perth
Auckland
`

// priorRegions are continents and world regions: places that an
// institution's name ends with ("... in Europe").
const priorRegions = `
Europe
Asia
Africa
Americas
North America
South America
Latin America
Central America
Middle East
Near East
Far East
Eurasia
Oceania
Antarctica
Arctic
Asia-Pacific
Indo-Pacific
Balkans
Baltics
Caucasus
Caribbean
Scandinavia
Sahel
Central Asia
South Asia
Southeast Asia
East Asia
Eastern Europe
Western Europe
Central Europe
Northern Europe
Southern Europe
South-East Asia
South Caucasus
North Africa
West Africa
East Africa
Central Africa
Southern Africa
Horn of Africa
Mediterranean
Pacific
Atlantic
Persian Gulf
Gulf
`

// regionKeys are the grouping keys of priorRegions.
var regionKeys = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(priorRegions, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			m[nonPersonKey(line)] = true
		}
	}
	return m
}()

// typePrior maps the grouping key (nonPersonKey) of a listed name to its
// type.
var typePrior = func() map[string]string {
	m := map[string]string{}
	add := func(list, typ string) {
		for _, line := range strings.Split(list, "\n") {
			if line = strings.TrimSpace(line); line != "" {
				m[nonPersonKey(line)] = typ
			}
		}
	}
	add(priorPlaces, storyline.Place)
	add(priorRegions, storyline.Place)
	// An institution wins over a place of the same key.
	add(priorOrgs, storyline.Org)
	return m
}()
