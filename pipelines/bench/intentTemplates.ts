// The phrasings behind the intent evaluation set (a data table): per intent, hand-written
// paraphrases in the style of Banking77 / CLINC150, plus greetings and endings to wrap them in.

/** Per intent: hand-written paraphrases; `{a|b}` picks one alternative at random. */
export const INTENT_TEMPLATES: Record<string, string[]> = {
	card_arrival: [
		'when will my {card|new card} {arrive|get here|be delivered}',
		"my card {still hasn't|hasn't} arrived",
		"i ordered a card {a week|two weeks|ages} ago and it's not here yet",
		'where is my {card|debit card}',
		'how long until i receive my card',
		'still waiting on my card to show up in the mail',
		'{card|my card} not received yet'
	],
	card_delivery_estimate: [
		'how long does card delivery take',
		'what is the {delivery|shipping} time for a new card',
		'how many days {does it take|until} a card {is delivered|arrives} {to|in} {the us|germany|my country}',
		'can i get my card {faster|express delivered}',
		'{estimated|expected} delivery time for cards'
	],
	lost_or_stolen_card: [
		'i lost my card',
		'my {card|wallet} {was|got} stolen',
		'someone stole my {card|bank card}',
		"i can't find my card {anywhere|what do i do}",
		'{block|freeze} my card {it was stolen|i lost it}',
		'my card is missing, please {help|block it}'
	],
	card_not_working: [
		"my card {is not|isn't|stopped} working",
		'card {declined|keeps getting declined} {at the shop|in stores|everywhere}',
		"why {doesn't|won't} my card work",
		'the {payment terminal|atm} rejects my card',
		"my card {doesn't|won't} go through"
	],
	activate_my_card: [
		'how do i activate my {card|new card}',
		'{activate|activating} {card|my card}',
		'i {got|received} my card, how do i {start using|activate} it',
		'where can i activate the card',
		'card activation {not working|steps}'
	],
	change_pin: [
		'how do i change my pin',
		'i want to {change|reset|update} {my|the} pin {number|code}',
		'can i {set|choose} a new pin for my card',
		"{forgot|don't remember} my pin"
	],
	pin_blocked: [
		'my pin is blocked',
		"i entered the wrong pin {too many times|three times} and now it's locked",
		'{unblock|unlock} my pin',
		'pin {locked|blocked} after {wrong|incorrect} attempts'
	],
	exchange_rate: [
		'what exchange rate do you use',
		'{how are|how do you set} exchange rates',
		'what is the {exchange|conversion} rate {for|from} {euros|dollars|pounds}',
		'is your {currency|fx} rate {fair|the market rate}'
	],
	card_payment_fee_charged: [
		'why was i charged a fee for a card payment',
		'there is {an extra|a} fee on my card {payment|purchase}',
		'{unexpected|strange} fee {after|on} paying with my card',
		'you charged me {a fee|extra} when i paid by card'
	],
	cash_withdrawal_charge: [
		'why was i charged for {withdrawing cash|an atm withdrawal}',
		'fee for {taking out|withdrawing} {cash|money} at the atm',
		'atm withdrawal {fee|charge} {seems wrong|on my statement}',
		'do you charge for cash withdrawals'
	],
	declined_transfer: [
		'my transfer {was declined|got rejected|failed}',
		'why {was|did} my {bank transfer|transfer} {declined|not go through}',
		"i {can't|couldn't} {send|transfer} money, it {keeps failing|was declined}",
		'transfer {declined|rejected} {error|again}'
	],
	pending_transfer: [
		'my transfer is still pending',
		'why is my transfer {taking so long|still processing}',
		'{money|transfer} {sent|i sent} {yesterday|days ago} {still|is still} pending',
		'how long will the transfer stay pending'
	],
	transfer_not_received_by_recipient: [
		"{my friend|the recipient} {hasn't|didn't} {received|get} the money i sent",
		"i sent money but {they|the person} {never got it|didn't receive it}",
		"transfer {shows complete|went out} but the recipient {doesn't have it|has nothing}",
		'the payee {says|claims} {the|my} transfer never arrived'
	],
	top_up_failed: [
		"my top up {failed|didn't work}",
		'{top-up|topping up} {keeps failing|was declined}',
		'i {tried|tried to} top up {my account|with my card} but it {failed|was rejected}',
		"why {can't|couldn't} i top up"
	],
	top_up_limits: [
		'what is the {maximum|max|limit} i can top up',
		'is there a {top up|top-up} limit',
		'how much {money|cash} can i {add|top up} {at once|per day}'
	],
	balance_not_updated: [
		"my balance {hasn't|didn't} {updated|update} after {the|a} {deposit|transfer}",
		'{deposit|money} not showing in my balance',
		'why is my balance {still the same|not updated}',
		"the {cheque|check} {i deposited|deposit} isn't {in my balance|showing}"
	],
	refund_not_showing_up: [
		"{my|the} refund {is not|isn't} showing {up|in my account}",
		'{where is|still waiting on} my refund {from a shop|from the merchant}',
		"a {merchant|store} refunded me but i {don't see|can't see} {it|the money}",
		'refund {missing|not received} {yet|after a week}'
	],
	request_refund: [
		'i {want|would like} a refund',
		'how {do|can} i {get|request} {a refund|my money back}',
		'{please|can you} refund {my purchase|this payment}',
		'i need to {request|ask for} a refund'
	],
	direct_debit_payment_not_recognised: [
		"there is a direct debit i don't recognise",
		'{unknown|strange} direct debit {on my account|payment}',
		"i {didn't set up|never authorised} this direct debit",
		'who is this direct debit {from|payment}'
	],
	card_payment_not_recognised: [
		"there is a {card payment|purchase} i {didn't make|don't recognise}",
		'{unknown|suspicious} {charge|transaction} on my card',
		'i {never bought|did not buy} this, {what is|why is} this {charge|payment}',
		'{fraudulent|fraud} {payment|charge} on my {card|account}'
	],
	verify_my_identity: [
		'how do i verify my identity',
		"{identity|id} verification {is failing|won't work|steps}",
		'why do you need to verify {me|my id}',
		'what documents do i need {for|to pass} verification'
	],
	change_address: [
		'how {do|can} i change my address',
		'i {moved|moved house} and need to update my address',
		'{update|edit} {my|the} {home|postal} address {on my account|in the app}'
	],
	close_account: [
		'{how do i|i want to} close my account',
		'{delete|cancel|terminate} my {account|bank account}',
		"i {don't want|no longer want} this account {anymore|please close it}"
	],
	apple_pay_or_google_pay: [
		'{can|does} i use {apple pay|google pay} {with|on} my card',
		"{apple pay|google pay} {isn't working|won't add my card}",
		'how do i add my card to {apple pay|google pay|my phone wallet}'
	],
	virtual_card: [
		'{how do i get|can i order} a virtual card',
		"{where is|i can't find} my virtual card",
		'{do you offer|is there} a {virtual|disposable} card'
	],
	contactless_not_working: [
		"contactless {isn't|is not} working",
		"{tap|tap to pay} {doesn't|won't} work {with my card|in shops}",
		"my card {only works|won't work} {with chip|when i tap}"
	],
	// CLINC150-style assistant intents
	weather: [
		'what is the weather {like|going to be} {today|tomorrow}',
		'{is it going to|will it} {rain|snow} {today|this weekend|tomorrow}',
		'{weather|forecast} {for|in} {london|paris|new york}',
		'do i need an umbrella today'
	],
	set_alarm: [
		'set an alarm for {6|7|8} {am|pm}',
		'wake me up at {six|seven|7:30}',
		'{please set|can you set} {an|my} alarm {for tomorrow|at 6am}',
		'i need an alarm {in the morning|at 5}'
	],
	timer: [
		'set a timer for {5|10|20} minutes',
		'{start|begin} a {5 minute|ten minute} timer',
		'{countdown|timer} {for|of} {30 seconds|an hour}',
		'remind me in {ten|15} minutes with a timer'
	],
	translate: [
		'how do you say {hello|thank you|good night} in {spanish|french|german}',
		'translate {this|this sentence|"where is the station"} {to|into} {french|italian|japanese}',
		'what is {cat|bread|apple} in {spanish|german}'
	],
	play_music: [
		'play {some|my} {music|songs|jazz}',
		'{put on|start playing} {my playlist|some rock}',
		'i want to listen to {music|taylor swift|the beatles}'
	],
	book_flight: [
		'book a flight {to|from} {boston|london|tokyo}',
		'i need {a plane ticket|flights} {to|for} {paris|next week}',
		'{find|get} me a flight {tomorrow|on friday}'
	],
	book_hotel: [
		'book a hotel {in|near} {boston|the airport|downtown}',
		'i need a {hotel|room} for {two nights|the weekend}',
		'{find|reserve} me a hotel room {in paris|for friday}'
	],
	restaurant_reservation: [
		'{book|reserve|make a reservation at} a table for {two|four} {tonight|at 8}',
		'{can you|please} {book|get} us a restaurant {reservation|table}',
		'reserve dinner {for|at} {7 pm|an italian place}'
	],
	calories: [
		'how many calories {are in|does} {an apple|a banana|a pizza} {have|}',
		'{calorie|calories} {count|content} {of|for} {rice|a burger}',
		'is {a bagel|pasta} high in calories'
	],
	recipe: [
		'{how do i make|give me a recipe for} {lasagna|pancakes|chili}',
		'{recipe|instructions} for {banana bread|chocolate cake}',
		'what {can|should} i cook {with chicken|tonight}'
	],
	order_status: [
		'where is my order',
		'{has|did} my {order|package} {shipped|been shipped|ship} yet',
		'{track|tracking} my {order|parcel|package}',
		"my order {hasn't|has not} arrived {yet|after a week}"
	],
	cancel_order: [
		'{cancel|i want to cancel} my order',
		'{can|how do} i cancel {the|my} order {i just placed|from yesterday}',
		'please {stop|cancel} {my|this} order before it ships'
	],
	return_item: [
		'how do i return {an item|this product|my shoes}',
		'i want to {return|send back} {my order|the jacket}',
		'{return|returns} {policy|label} for {my|an} order'
	],
	password_reset: [
		'{i forgot|forgot} my password',
		'{how do i|i need to} reset my password',
		'{password reset|reset} email {never arrives|not received}',
		"can't log in, {need a new password|password doesn't work}"
	],
	update_payment_method: [
		'{how do i|i want to} {change|update} my {credit card|payment method|card on file}',
		'{replace|add} {a new|my new} card for {payments|billing}',
		'my card expired, {update|change} {the payment|billing} details'
	],
	change_plan: [
		'{how do i|i want to} {upgrade|downgrade|change} my {plan|subscription}',
		'{switch|move} {to the|me to a} {cheaper|premium|annual} plan',
		'{can i|is it possible to} change {plans|subscription tier} {mid month|now}'
	],
	cancel_subscription: [
		'{cancel|stop} my subscription',
		'{how do i|i want to} {end|cancel} {my|the} {membership|subscription}',
		"please don't renew my subscription"
	],
	invoice_copy: [
		'{i need|can i get|send me} a copy of {my|the} invoice',
		'{download|where do i find} {my|the} {invoices|receipt|invoice pdf}',
		'{invoice|receipt} for {last month|my purchase} please'
	],
	duplicate_charge: [
		'{i was|you} charged {me |}twice',
		'{double|duplicate} charge {on my card|for the same order}',
		'{why|how come} {did i get|was i} billed two times'
	],
	delivery_address_change: [
		'{change|update} the {shipping|delivery} address {for|on} my order',
		'{can|could} i {send|ship} my order to a different address',
		'wrong {delivery|shipping} address on {my|the} order'
	],
	speak_to_agent: [
		'{i want to|let me|can i} {speak|talk} to {a human|an agent|a real person}',
		'{connect|transfer} me to {customer service|support|an agent}',
		'{human|agent|representative} please'
	],
	opening_hours: [
		'{what are|when are} your {opening hours|hours}',
		'{when|what time} {do you|does the store} {open|close} {today|on sunday}',
		'are you open {on weekends|on holidays|now}'
	],
	two_factor: [
		"{i lost|new} phone {and can't|can't} {get|receive} my {2fa|two factor|verification} code",
		'{two factor|2fa|authenticator} {code|app} {not working|is empty}',
		'{how do i|i want to} {turn off|disable|reset} two factor {authentication|login}'
	],
	export_data: [
		'{how do i|can i} export {my|our} {data|contacts} {to csv|as a spreadsheet}',
		'{download|export} all {my|our} {data|records}',
		'is there a way to {export|back up} {everything|my data}'
	],
	api_rate_limit: [
		'{we keep|i keep} {hitting|getting} {the|a} rate limit {on the api|error}',
		'api {returns|gives} {429|too many requests}',
		'{what is|how high is} the api rate limit'
	],
	app_crash: [
		'the app {keeps crashing|crashes} {on startup|when i open it}',
		'{app|application} {closes|quits} {by itself|unexpectedly}',
		'{crash|crashing} {after|since} the {update|last update}'
	],
	sync_error: [
		'{sync|syncing} {keeps failing|is broken|not working}',
		"{data|my calendar|contacts} {won't|doesn't} sync",
		'sync error {token expired|again}'
	],
	shipping_cost: [
		'how much {is|does} {shipping|delivery} {cost|}',
		'{do you have|is there} free {shipping|delivery}',
		'{shipping|delivery} {fees|charges} {to canada|international}'
	],
	gift_card: [
		'{how do i|can i} {use|redeem} a gift card',
		"{my|the} gift card {code doesn't work|is invalid}",
		'{buy|purchase} a gift card {for a friend|online}'
	],
	loyalty_points: [
		'how many {points|reward points} do i have',
		'{redeem|use} my {loyalty|reward} points',
		'{my|the} points {from my last order|are missing}'
	],
	change_language: [
		'{change|switch} the {app|website} language to {spanish|german|english}',
		'{how do i|can i} {change|set} the language',
		'{the app is|everything is} in the wrong language'
	],
	report_bug: [
		'{i found|there is|i want to report} a bug',
		"something {is broken|isn't working} {on the website|in the app}, {how do i report it|report}",
		"{button|page} {doesn't|does not} {load|respond} {on checkout|on the site}"
	],
	account_locked: [
		'my account {is|got} {locked|suspended|blocked}',
		'{why|how come} {was|is} my account {locked|disabled}',
		'{unlock|reactivate} my account {please|}'
	],
	update_email: [
		'{change|update} {the|my} email {address|} {on my account|for login}',
		'{how do i|i want to} {use|set} a different email {address|}',
		'{my email changed|new email address}, {update it|please update}'
	],
	// Off-topic chit-chat, as CLINC150 has
	meaning_of_life: [
		'what is the meaning of life',
		"{why are we here|what's the point of it all}",
		'tell me the meaning of {life|existence}'
	]
};

export const PREFIXES = [
	'',
	'',
	'',
	'',
	'hi, ',
	'hello ',
	'hey, ',
	'excuse me, ',
	'quick question: ',
	'hi there. ',
	'please help, ',
	'can you tell me '
];
export const SUFFIXES = ['', '', '', '', '?', '?', '.', ' thanks', ' thank you!', ' asap', ' please', ' any idea?', ' i need help'];
